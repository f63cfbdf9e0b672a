// The evidence deadline counting down (refreshed every minute), urgent within 72 hours.
import { useEffect, useState } from "react";
import { formatWhen } from "../bookings/booking-status.tsx";
import { timeLeft } from "./dispute-words.ts";

export function Countdown({ dueBy, compact = false }: { dueBy: Date | string; compact?: boolean }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const left = timeLeft(dueBy, now);
  return (
    <span className={left.urgent ? "countdown countdown-urgent" : "countdown"}>
      <strong>{left.words}</strong>
      {!compact && <span className="muted"> (evidence due by {formatWhen(dueBy)})</span>}
    </span>
  );
}
