// A Stripe.js stand-in for an offline machine: the browser tests serve it in place of https://js.stripe.com (by
// page.route), and `npm run dev` against stripe-mock serves it from the dev server (see stripe-dev-plugin.ts). It
// implements just what the portal uses: Stripe(), elements(), create/mount of the Payment Element, confirmPayment,
// confirmCardPayment, confirmSetup and handleNextAction. Outcomes follow Stripe's test cards (TEST_CARDS below):
// 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 and 4000 0000 0000 9995 are declined, 4000 0027 6000 3184 and
// 4000 0025 0000 3155 ask for 3-D Secure (a dialog to complete or fail it). Every call is recorded in
// window.__stripeStandIn.calls. With a relay (dev), each outcome is also told to the dev relay, which plays
// Stripe's servers: it sends the business's worker the webhook events Stripe would.

export interface StandInCall {
  method: string;
  key?: string;
  options?: unknown;
  clientSecret?: string;
  paymentMethod?: string | null;
}

export interface StandInOptions {
  /** Where the dev relay listens (same origin), such as "/dev-stripe/relay"; left out in browser tests. */
  relay?: string;
}

/** What the relay is told: the intent (by its client secret) and what the customer's bank said. */
export interface RelayReport {
  clientSecret: string;
  /** The page it happened on (a booking's pay page names the booking). */
  page: string;
  outcome: "succeeded" | "requires_action" | "declined";
  declineCode?: string;
  paymentMethod?: string | null;
}

// Runs in the browser: everything it needs is inside it (it is sent as its own source text).
function standIn(options: StandInOptions) {
  type Handler = (event: unknown) => void;
  type Outcome = { outcome: "succeeded" | "requires_action" | "declined"; code?: string; message?: string };
  const calls: StandInCall[] = [];
  Object.assign(window, { __stripeStandIn: { calls } });
  const TEST_CARDS: Record<string, Outcome> = {
    "4000000000000002": { outcome: "declined", code: "generic_decline", message: "Your card was declined." },
    "4000000000009995": {
      outcome: "declined",
      code: "insufficient_funds",
      message: "Your card has insufficient funds.",
    },
    "4000000000009987": { outcome: "declined", code: "lost_card", message: "Your card was declined." },
    "4000000000000069": { outcome: "declined", code: "expired_card", message: "Your card has expired." },
    "4000002760003184": { outcome: "requires_action" },
    "4000002500003155": { outcome: "requires_action" },
  };
  const outcomeOf = (number: string): Outcome => TEST_CARDS[number] ?? { outcome: "succeeded" };
  const field = (name: string, label: string) =>
    `<label style="display:grid;gap:0.25rem">${label} <input data-stand-in="${name}" autocomplete="off" style="padding:0.5rem;border:1px solid #cfd7df;border-radius:6px"></label>`;

  async function report(body: Omit<RelayReport, "page">) {
    if (!options.relay) return;
    const response = await fetch(`${options.relay}/confirm`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...body, page: location.pathname }),
    }).catch(() => null);
    if (!response?.ok) console.error("[stripe stand-in] the dev relay did not take this outcome");
  }

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

  /** The bank's check: resolves true when completed, false when failed. */
  function authenticate(): Promise<boolean> {
    return new Promise((resolve) => {
      const dialog = document.createElement("div");
      dialog.setAttribute("role", "dialog");
      dialog.setAttribute("aria-label", "3-D Secure authentication");
      dialog.className = "stand-in-3ds";
      dialog.style.cssText =
        "position:fixed;inset:auto 1rem 1rem auto;z-index:1000;background:#fff;border:1px solid #cfd7df;border-radius:8px;padding:1rem;box-shadow:0 4px 16px rgba(0,0,0,.2);display:grid;gap:.5rem;max-width:22rem";
      dialog.innerHTML =
        "<p>Your bank asks you to confirm this payment (stand-in 3-D Secure).</p><button type='button' data-answer='yes'>Complete authentication</button><button type='button' data-answer='no'>Fail authentication</button>";
      for (const button of dialog.querySelectorAll<HTMLButtonElement>("button")) {
        button.addEventListener("click", () => {
          dialog.remove();
          resolve(button.dataset.answer === "yes");
        });
      }
      document.body.appendChild(dialog);
    });
  }

  function Stripe(key: string, stripeOptions?: unknown) {
    calls.push({ method: "Stripe", key, options: stripeOptions ?? null });
    let elementsSecret = "";
    const typed = () => document.querySelector<HTMLInputElement>("[data-stand-in='number']")?.value ?? "";
    const intentKey = (secret: string) => (secret.startsWith("seti_") ? "setupIntent" : "paymentIntent");
    const answer = async (secret: string, result: Outcome, paymentMethod: string | null) => {
      const id = secret.split("_secret_")[0];
      const key = intentKey(secret);
      const method = paymentMethod ?? "pm_card_visa";
      await report({
        clientSecret: secret,
        outcome: result.outcome,
        ...(result.code && { declineCode: result.code }),
        paymentMethod: method,
      });
      if (result.outcome === "declined") {
        const error = {
          type: "card_error",
          code: result.code === "expired_card" ? "expired_card" : "card_declined",
          decline_code: result.code,
          message: result.message,
        };
        return { error: { ...error, [key]: { id, status: "requires_payment_method" } } };
      }
      return { [key]: { id, status: result.outcome, client_secret: secret, payment_method: method } };
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
        return answer(clientSecret, { outcome: "succeeded" }, paymentMethod);
      },
      async handleNextAction({ clientSecret }: { clientSecret: string }) {
        calls.push({ method: "handleNextAction", clientSecret });
        const completed = await authenticate();
        const failed: Outcome = {
          outcome: "declined",
          code: "authentication_required",
          message: "We are unable to authenticate your payment method.",
        };
        return answer(clientSecret, completed ? { outcome: "succeeded" } : failed, null);
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

/** The stand-in as a script to serve. */
export function stripeJsStandIn(options: StandInOptions = {}): string {
  return `(${standIn.toString()})(${JSON.stringify(options)});`;
}
