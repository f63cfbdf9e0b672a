import { Button } from "@fieldpay/ui/button";
import { Link } from "react-router";
import { useMe, useResetSession } from "../auth/use-me.ts";
import { trpc } from "../lib/trpc.ts";
import { BookForm } from "./book-form.tsx";
import { usePortalBusiness } from "./use-portal-business.ts";

export function PortalHomePage() {
  const { slug, business } = usePortalBusiness();
  const me = useMe();
  const reset = useResetSession();
  const signOut = trpc.auth.signOut.useMutation({ onSuccess: () => reset() });
  const signedInHere = me.data?.user.role === "customer" && me.data.tenant.slug === slug;
  return (
    <>
      <section className="card">
        <h1>Book with {business.data?.name}</h1>
        {signedInHere ? (
          <div className="signed-in-row">
            <p>Signed in as {me.data?.user.name}.</p>
            <Button
              variant="secondary"
              busy={signOut.isPending}
              busyLabel="Signing out…"
              onClick={() => signOut.mutate()}
            >
              Sign out
            </Button>
          </div>
        ) : (
          <p>
            <Link to={`/book/${slug}/sign-in`}>Sign in</Link> or{" "}
            <Link to={`/book/${slug}/sign-up`}>create an account</Link> to book and pay.
          </p>
        )}
      </section>
      {signedInHere && <BookForm />}
    </>
  );
}
