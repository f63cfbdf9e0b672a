import { isRouteErrorResponse, useRouteError } from "react-router";
import { DeadEnd, type DeadEndProps, StandaloneDeadEnd } from "./dead-end.tsx";
import { NotFoundPage } from "./not-found-page.tsx";

/**
 * What a page that crashed (or whose code did not download) shows instead: never the error itself, which
 * means nothing to the person and may hold details that are not theirs; the browser console has it.
 */
function crashProps(): DeadEndProps {
  return {
    eyebrow: "Error",
    title: "Something went wrong",
    children: (
      <p>
        This page stopped working. Reloading usually fixes it; if it does not, go back to the start and try
        again in a few minutes.
      </p>
    ),
    actions: (
      <>
        <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
          Reload the page
        </button>
        {/* A full page load, not the router: whatever broke is left behind. */}
        <a className="btn btn-secondary" href={homeOf(window.location.pathname)}>
          Go to the start
        </a>
      </>
    ),
  };
}

/** The booking portal's start for its customers; fieldpay's for everyone else. */
function homeOf(path: string): string {
  const portal = /^\/book\/[^/]+/.exec(path);
  return portal ? portal[0] : "/app";
}

/** The router's error boundary around every page (see routes.tsx). */
export function ErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return <StandaloneDeadEnd {...crashProps()} />;
}

/** The same inside a layout that is still standing (the app's frame, the booking portal's). */
export function InLayoutErrorPage() {
  return <DeadEnd {...crashProps()} />;
}
