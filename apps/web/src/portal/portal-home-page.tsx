import { Button } from "@fieldpay/ui/button";
import { Money } from "@fieldpay/ui/money";
import { Link } from "react-router";
import { useMe, useResetSession } from "../auth/use-me.ts";
import { trpc } from "../lib/trpc.ts";
import { BookForm } from "./book-form.tsx";
import { usePortalBusiness } from "./use-portal-business.ts";

/** What visitors can book, before they sign in. */
function Catalog({ slug }: { slug: string }) {
  const catalog = trpc.services.catalog.useQuery({ slug });
  if (!catalog.data || catalog.data.length === 0) return null;
  return (
    <section className="card" aria-labelledby="services-heading">
      <h2 id="services-heading">Services</h2>
      <ul className="catalog">
        {catalog.data.map((service) => (
          <li key={service.name}>
            <span>
              <strong>{service.name}</strong> ({service.durationMinutes} min)
              {service.description && <span className="block muted">{service.description}</span>}
            </span>
            <Money amount={service.price.amount} currency={service.price.currency} />
          </li>
        ))}
      </ul>
    </section>
  );
}

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
      {signedInHere ? <BookForm /> : <Catalog slug={slug} />}
    </>
  );
}
