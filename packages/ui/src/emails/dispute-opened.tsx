/** @jsxRuntime automatic @jsxImportSource react */
import { Text } from "@react-email/components";
import { z } from "zod";
import { defineEmail, link, money, text } from "./define.ts";
import { amount, day } from "./format.ts";
import { Action, EmailLayout } from "./layout.tsx";

/** Queued by the disputes handler when a customer's bank opens a dispute. */
export const disputeOpened = defineEmail({
  schema: z.object({
    ...money,
    /** The reason in plain words (not Stripe's code). */
    reason: text,
    customerName: text.nullable(),
    dueBy: z.iso.datetime().nullable(),
    link,
  }),
  subject: (p) =>
    `A customer disputed ${amount(p.amount, p.currency)}${p.dueBy ? `: respond by ${day(p.dueBy)}` : ""}`,
  body: (p, business) => (
    <EmailLayout business={business} preview="Respond with evidence before the deadline">
      <Text>
        {p.customerName ?? "A customer"}'s bank opened a dispute over {amount(p.amount, p.currency)} paid to{" "}
        {business.name}. Reason: {p.reason}
      </Text>
      <Text>
        {p.dueBy
          ? `Send your evidence by ${day(p.dueBy)}; after that the bank decides without it.`
          : "Stripe has not set a deadline for evidence yet."}
      </Text>
      <Action href={p.link}>Answer the dispute</Action>
    </EmailLayout>
  ),
});
