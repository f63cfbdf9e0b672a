import type { ReactNode } from "react";

export type Tone = "good" | "warn" | "bad" | "neutral";

export function StatusPill({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <span className={`pill pill-${tone}`}>{children}</span>;
}
