import { trpc } from "../lib/trpc.ts";

/** The signed-in user and their business, or null; shared through the query cache. */
export function useMe() {
  return trpc.auth.me.useQuery(undefined, { staleTime: 60_000 });
}

/** After sign-in, sign-up or sign-out: every cached query may depend on who is signed in. */
export function useResetSession() {
  const utils = trpc.useUtils();
  return async () => {
    await utils.invalidate();
    // Inactive queries are only marked stale; the guard on the next page must see the new user at once.
    await utils.auth.me.fetch(undefined, { staleTime: 0 });
  };
}
