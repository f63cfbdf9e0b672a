// A Stripe.js stand-in for browser tests on an offline machine, served in place of https://js.stripe.com by
// page.route. It implements just what the portal uses: Stripe(), elements(), create/mount of the Payment
// Element, confirmPayment, confirmCardPayment, confirmSetup and handleNextAction. Outcomes follow Stripe's test
// cards: 4242 4242 4242 4242 succeeds, 4000 0000 0000 9995 is declined (insufficient funds), 4000 0025 0000 3155
// asks for 3-D Secure (a dialog with "Complete authentication"), then succeeds. Every call is recorded in
// window.__stripeStandIn.calls for the test to read.
import type { BrowserContext, Page } from "playwright-core";

export interface StandInCall {
  method: string;
  key?: string;
  options?: unknown;
  clientSecret?: string;
  paymentMethod?: string | null;
}

// Runs in the browser: everything it needs is inside it.
function standIn() {
  type Handler = (event: unknown) => void;
  const calls: StandInCall[] = [];
  Object.assign(window, { __stripeStandIn: { calls } });
  const DECLINED = {
    type: "card_error",
    code: "card_declined",
    decline_code: "insufficient_funds",
    message: "Your card has insufficient funds.",
  };
  const outcomeOf = (number: string) =>
    ({ "4000000000009995": "decline", "4000002500003155": "requires_action" })[number] ?? "success";
  const field = (name: string, label: string) =>
    `<label style="display:grid;gap:0.25rem">${label} <input data-stand-in="${name}" autocomplete="off" style="padding:0.5rem;border:1px solid #cfd7df;border-radius:6px"></label>`;

  function element(type: string) {
    const handlers: Record<string, Handler[]> = {};
    let root: HTMLElement | null = null;
    return {
      mount(target: HTMLElement | string) {
        const node = typeof target === "string" ? document.querySelector<HTMLElement>(target) : target;
        root = document.createElement("div");
        root.className = "stand-in-element";
        root.style.cssText = "display:grid;gap:0.5rem;font:inherit";
        root.innerHTML = field("number", "Card number") + field("expiry", "Expiry") + field("cvc", "CVC");
        node?.appendChild(root);
        setTimeout(() => {
          for (const h of handlers.ready ?? []) h({ elementType: type });
        });
      },
      on(event: string, handler: Handler) {
        handlers[event] = [...(handlers[event] ?? []), handler];
      },
      off(event: string, handler: Handler) {
        handlers[event] = (handlers[event] ?? []).filter((h) => h !== handler);
      },
      update() {},
      focus() {},
      blur() {},
      clear() {},
      destroy() {
        root?.remove();
      },
      unmount() {
        root?.remove();
      },
    };
  }

  function authenticate(): Promise<void> {
    return new Promise((resolve) => {
      const dialog = document.createElement("div");
      dialog.setAttribute("role", "dialog");
      dialog.setAttribute("aria-label", "3-D Secure authentication");
      dialog.className = "stand-in-3ds";
      dialog.innerHTML =
        "<p>Your bank asks you to confirm this payment (stand-in 3-D Secure).</p><button type='button'>Complete authentication</button>";
      dialog.querySelector("button")?.addEventListener("click", () => {
        dialog.remove();
        resolve();
      });
      document.body.appendChild(dialog);
    });
  }

  function Stripe(key: string, options?: unknown) {
    calls.push({ method: "Stripe", key, options: options ?? null });
    let elementsSecret = "";
    const typed = () => document.querySelector<HTMLInputElement>("[data-stand-in='number']")?.value ?? "";
    const intentKey = (secret: string) => (secret.startsWith("seti_") ? "setupIntent" : "paymentIntent");
    const answer = (secret: string, outcome: string, paymentMethod: string | null) => {
      const id = secret.split("_secret_")[0];
      const key = intentKey(secret);
      if (outcome === "decline")
        return { error: { ...DECLINED, [key]: { id, status: "requires_payment_method" } } };
      const status = outcome === "requires_action" ? "requires_action" : "succeeded";
      return { [key]: { id, status, client_secret: secret, payment_method: paymentMethod ?? "pm_standin" } };
    };
    const confirmWithElements = (method: string) => async () => {
      calls.push({ method, clientSecret: elementsSecret });
      return answer(elementsSecret, outcomeOf(typed().replace(/\s/g, "")), null);
    };
    return {
      elements(elementsOptions?: { clientSecret?: string }) {
        elementsSecret = elementsOptions?.clientSecret ?? "";
        calls.push({ method: "elements", options: elementsOptions ?? null });
        return {
          create: (type: string) => element(type),
          getElement: () => null,
          update() {},
          submit: async () => ({}),
          fetchUpdates: async () => ({}),
        };
      },
      confirmPayment: confirmWithElements("confirmPayment"),
      confirmSetup: confirmWithElements("confirmSetup"),
      async confirmCardPayment(clientSecret: string, data?: { payment_method?: string }) {
        const paymentMethod = data?.payment_method ?? null;
        calls.push({ method: "confirmCardPayment", clientSecret, paymentMethod });
        return answer(clientSecret, "success", paymentMethod);
      },
      async handleNextAction({ clientSecret }: { clientSecret: string }) {
        calls.push({ method: "handleNextAction", clientSecret });
        await authenticate();
        return answer(clientSecret, "success", null);
      },
      createToken: async () => ({}),
      createPaymentMethod: async () => ({}),
      _registerWrapper() {},
      registerAppInfo() {},
    };
  }
  Object.assign(Stripe, { version: "endive" });
  Object.assign(window, { Stripe });
}

/** Serves the stand-in for every Stripe.js URL the page asks for. */
export async function serveStripeStandIn(target: Page | BrowserContext): Promise<void> {
  await target.route("https://js.stripe.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "application/javascript", body: `(${standIn.toString()})();` }),
  );
}

/** What the page asked of Stripe.js so far. */
export function standInCalls(page: Page): Promise<StandInCall[]> {
  return page.evaluate(() => {
    const holder: Window & { __stripeStandIn?: { calls: StandInCall[] } } = window;
    return holder.__stripeStandIn?.calls ?? [];
  });
}
