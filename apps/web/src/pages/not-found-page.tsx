import { Link, useParams } from "react-router";
import { DeadEnd, StandaloneDeadEnd } from "./dead-end.tsx";

const WHY = "The address may be mistyped, or the page may have moved.";

/** Any address fieldpay has no page for, outside the app and the booking portal. */
export function NotFoundPage() {
  return (
    <StandaloneDeadEnd
      eyebrow="Page not found"
      title="There is no page at this address"
      actions={
        <Link className="btn btn-primary" to="/app">
          Go to fieldpay
        </Link>
      }
    >
      <p>{WHY}</p>
    </StandaloneDeadEnd>
  );
}

/** An unknown address under /app: shown inside the app's frame, so the navigation is still there. */
export function AppNotFoundPage() {
  return (
    <DeadEnd
      eyebrow="Page not found"
      title="There is no page at this address"
      actions={
        <Link className="btn btn-primary" to="/app">
          Go to the overview
        </Link>
      }
    >
      <p>{WHY} The menu has every page.</p>
    </DeadEnd>
  );
}

/** An unknown address under a business's booking page: shown in its frame, with the way to its start. */
export function PortalNotFoundPage() {
  const slug = useParams().tenantSlug ?? "";
  return (
    <DeadEnd
      eyebrow="Page not found"
      title="There is no page at this address"
      actions={
        <Link className="btn btn-primary" to={`/book/${slug}`}>
          Go to the booking page
        </Link>
      }
    >
      <p>{WHY}</p>
    </DeadEnd>
  );
}
