import { Button } from "@fieldpay/ui/button";
import { Link } from "react-router";
import { DeadEnd } from "./dead-end.tsx";

/** The parts of a tRPC client error this page reads. */
export interface LoadError {
  message: string;
  data?: { code?: string } | null;
}

export interface LoadFailedProps {
  error: LoadError;
  /** What was asked for, lower case: "booking", "receipt". */
  thing: string;
  /** Where the list of such things is. */
  back: { to: string; label: string };
  onRetry: () => void;
}

// A malformed id is refused by the api's input check (BAD_REQUEST); someone else's or a deleted one is NOT_FOUND.
const NOT_THERE = new Set(["NOT_FOUND", "BAD_REQUEST"]);

/** A page whose one record did not load: "not found" with the way back to its list, or "try again". */
export function LoadFailed({ error, thing, back, onRetry }: LoadFailedProps) {
  const backLink = (
    <Link className="btn btn-secondary" to={back.to}>
      {back.label}
    </Link>
  );
  if (NOT_THERE.has(error.data?.code ?? ""))
    return (
      <DeadEnd eyebrow="Not found" title={`We could not find this ${thing}`} actions={backLink}>
        <p>The link may be incomplete, or the {thing} may belong to another account. Check the address.</p>
      </DeadEnd>
    );
  return (
    <DeadEnd
      eyebrow="Could not load"
      title={`This ${thing} did not load`}
      actions={
        <>
          <Button onClick={onRetry}>Try again</Button>
          {backLink}
        </>
      }
    >
      <p>{error.message}</p>
    </DeadEnd>
  );
}
