// The error summary names the deposit field exactly as its label reads ("Deposit (%)", "Deposit ($)"), whichever
// kind of deposit is chosen, on the service form and the business default alike.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { formErrors } from "../lib/errors.ts";
import { depositLabel, PlanFields } from "./plan-fields.tsx";
import type { DepositKind } from "./plan-words.ts";
import { serviceFields } from "./service-form.tsx";

const refused = (message: string) => ({ message, fix: null, fieldErrors: {} });

/** The visible text of every <label> the fields render. */
const labels = (html: string) =>
  [...html.matchAll(/<label[^>]*>(.*?)<\/label>/g)].map((m) => (m[1] ?? "").replace(/<[^>]+>/g, ""));

describe("the deposit field in the error summary", () => {
  const cases: [DepositKind, string | undefined, string][] = [
    ["percent", "usd", "Deposit (%)"],
    ["amount", "usd", "Deposit ($)"],
    ["amount", "eur", "Deposit (€)"],
    ["amount", undefined, "Deposit (amount)"],
  ];
  for (const [kind, currency, label] of cases) {
    it(`is named "${label}", as its label reads (${kind}, ${currency ?? "no currency yet"})`, () => {
      expect(depositLabel(kind, currency)).toBe(label);
      const form = formErrors(
        "service",
        refused("Deposit: enter a percentage from 1 to 99, like 50."),
        serviceFields(kind, currency),
      );
      expect(form.summary.problems).toEqual([
        { fieldId: "service-depositValue", label, message: "Enter a percentage from 1 to 99, like 50." },
      ]);
      const html = renderToStaticMarkup(
        <PlanFields
          initial={{ paymentPlan: "deposit", depositKind: kind, depositValue: "" }}
          field={form.field}
          depositKind={kind}
          onDepositKind={() => {}}
        />,
      );
      // The summary's name for the field is exactly one of the labels on the page, the deposit's.
      expect(labels(html)).toContain(label);
      expect(html).toContain(`for="service-depositValue"`);
    });
  }
});
