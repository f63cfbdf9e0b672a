import type { ReactNode } from "react";

/** Whether an optional slot was given something to show (0 counts; "", false, null and undefined do not). */
export function hasContent(node: ReactNode): boolean {
  return node !== undefined && node !== null && node !== false && node !== "";
}
