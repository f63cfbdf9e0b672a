import { AppShell } from "@fieldpay/ui/app-shell";
import type { NavLinkProps } from "@fieldpay/ui/nav";
import { Link, Outlet, useLocation, useNavigate } from "react-router";
import { RequireRole } from "../auth/require-role.tsx";
import { useMe, useResetSession } from "../auth/use-me.ts";
import { trpc } from "../lib/trpc.ts";
import { navByRole, OUTBOX_HREF } from "./nav.ts";

function renderLink({ href, children, ...rest }: NavLinkProps) {
  return (
    <Link to={href} {...rest}>
      {children}
    </Link>
  );
}

function SignedInShell() {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const reset = useResetSession();
  const signOut = trpc.auth.signOut.useMutation({
    onSuccess: async () => {
      await navigate("/sign-in");
      await reset();
    },
  });
  const role = me.data?.user.role === "admin" ? "admin" : "fieldworker";
  // The Outbox only exists while emails are not delivered (no SMTP_URL on the api).
  const navItems = navByRole[role].filter((item) => item.href !== OUTBOX_HREF || me.data?.emailOutbox);
  return (
    <AppShell
      productName={me.data?.tenant.name ?? "fieldpay"}
      homeHref="/app"
      user={me.data ? { name: me.data.user.name, role: me.data.user.role } : null}
      onSignOut={() => signOut.mutate()}
      signingOut={signOut.isPending}
      navItems={navItems}
      currentHref={location.pathname}
      renderLink={renderLink}
    >
      <Outlet />
    </AppShell>
  );
}

/** Everything under /app: staff only, inside the shell with the navigation of their role. */
export function AppLayout() {
  return (
    <RequireRole roles={["admin", "fieldworker"]}>
      <SignedInShell />
    </RequireRole>
  );
}
