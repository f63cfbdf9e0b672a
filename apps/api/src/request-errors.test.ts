// What the api answers to a request it cannot read or route: a fixed message in tRPC's error shape and status,
// never a piece of what was sent (a secret pasted into the wrong field would otherwise come straight back).
import { useTestDatabase } from "@fieldpay/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listen, TEST_ORIGIN, testDeps } from "./testing/harness.ts";

const t = useTestDatabase();
const SENT = "sk_test_AAAABBBBCCCCDDDD";
const UNREADABLE = "The request could not be read.";
const NO_SUCH_OPERATION = "There is no such operation.";

let api: Awaited<ReturnType<typeof listen>>;
beforeAll(async () => {
  api = await listen(testDeps(t.db));
});
afterAll(() => api.close());

const post = (path: string, body: string) =>
  fetch(`${api.url}/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: TEST_ORIGIN },
    body,
  });

/** The answer's status and text, and its errors (one, or one per call of a batch) as the web client reads them. */
async function answer(res: Response) {
  const text = await res.text();
  const parsed = JSON.parse(text) as { error?: unknown } | { error?: unknown }[];
  const errors = (Array.isArray(parsed) ? parsed : [parsed]).map((item) => item.error);
  return { status: res.status, text, errors };
}

const trpcError = (message: string, code: string, httpStatus: number) => ({
  message,
  code: expect.any(Number),
  data: { code, httpStatus, fix: null, fieldErrors: null },
});

describe("requests the api cannot read or route", () => {
  it("a body that is not JSON: 400, a fixed message, nothing of the body", async () => {
    const res = await answer(await post("auth.signIn", SENT));
    expect(res.status).toBe(400);
    expect(res.errors).toEqual([trpcError(UNREADABLE, "BAD_REQUEST", 400)]);
    expect(res.text).not.toMatch(/sk_test|AAAA/);
  });

  it("an unknown path: 404, a fixed message, nothing of the path", async () => {
    const res = await answer(await fetch(`${api.url}/trpc/${SENT}`));
    expect(res.status).toBe(404);
    expect(res.errors).toEqual([trpcError(NO_SUCH_OPERATION, "NOT_FOUND", 404)]);
    expect(res.text).not.toMatch(/sk_test|AAAA/);
  });

  it("a malformed batch: an unknown call beside a known one, and a batch body that is not JSON", async () => {
    const input = encodeURIComponent("{}");
    const routed = await answer(await fetch(`${api.url}/trpc/auth.me,${SENT}?batch=1&input=${input}`));
    expect(routed.status).toBe(207);
    expect(routed.errors).toEqual([undefined, trpcError(NO_SUCH_OPERATION, "NOT_FOUND", 404)]);
    expect(routed.text).not.toMatch(/sk_test|AAAA/);

    const unread = await answer(
      await post("auth.signIn,auth.signIn?batch=1", `{"0":{"email":"a@b.test"},"1":${SENT}}`),
    );
    expect(unread.status).toBe(400);
    expect(unread.errors).toEqual([
      trpcError(UNREADABLE, "BAD_REQUEST", 400),
      trpcError(UNREADABLE, "BAD_REQUEST", 400),
    ]);
    expect(unread.text).not.toMatch(/sk_test|AAAA|a@b\.test/);
  });

  it("a batch whose input is not an object of calls: 400 with the same fixed message", async () => {
    const res = await answer(await post("auth.signIn?batch=1", JSON.stringify(SENT)));
    expect(res.status).toBe(400);
    expect(res.errors).toEqual([trpcError(UNREADABLE, "BAD_REQUEST", 400)]);
    expect(res.text).not.toMatch(/sk_test|AAAA/);
  });

  it("a query whose input in the URL is not JSON: 400, a fixed message, nothing of the query", async () => {
    const res = await answer(await fetch(`${api.url}/trpc/auth.me?input=${SENT}`));
    expect(res.status).toBe(400);
    expect(res.errors).toEqual([trpcError(UNREADABLE, "BAD_REQUEST", 400)]);
    expect(res.text).not.toMatch(/sk_test|AAAA/);
  });

  it("a mutation asked for with GET: 405 without the path; a body of an unknown type: 415 without the type", async () => {
    const viaGet = await answer(await fetch(`${api.url}/trpc/auth.signOut`));
    expect(viaGet.status).toBe(405);
    expect(viaGet.errors).toEqual([
      trpcError("This operation cannot be asked for this way.", "METHOD_NOT_SUPPORTED", 405),
    ]);
    expect(viaGet.text).not.toMatch(/signOut/);

    const res = await fetch(`${api.url}/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": `text/${SENT}`, origin: TEST_ORIGIN },
      body: "{}",
    });
    const typed = await answer(res);
    expect(typed.status).toBe(415);
    expect(typed.errors).toEqual([trpcError(UNREADABLE, "UNSUPPORTED_MEDIA_TYPE", 415)]);
    expect(typed.text).not.toMatch(/sk_test|AAAA/);
  });

  it("input that does not fit still says which field and why, and a known failure keeps its own message", async () => {
    const res = await answer(await post("auth.signIn", JSON.stringify({ email: SENT, password: "" })));
    expect(res.status).toBe(400);
    expect(res.errors[0]).toMatchObject({
      data: { code: "BAD_REQUEST", fieldErrors: { email: expect.any(Array) } },
    });
    expect(res.text).not.toMatch(/sk_test|AAAA/);

    const wrong = await answer(
      await post("auth.signIn", JSON.stringify({ email: "no@one.test", password: "x" })),
    );
    expect(wrong.status).toBe(401);
    expect(wrong.errors[0]).toMatchObject({ data: { code: "UNAUTHORIZED" } });
    expect((wrong.errors[0] as { message: string }).message).not.toBe(UNREADABLE);
  });
});
