/** @jsxRuntime automatic @jsxImportSource react */
import { Text } from "@react-email/components";
import { z } from "zod";
import { defineEmail, link, money, text } from "./define.ts";
import { amount, day } from "./format.ts";
import { Action, EmailLayout } from "./layout.tsx";

export const payoutSent = defineEmail({
  schema: z.object({ name: text, ...money, arrivalDate: z.iso.datetime(), link }),
  subject: (p) => `Your payout of ${amount(p.amount, p.currency)} is on its way`,
  body: (p, business) => (
    <EmailLayout business={business} preview={`Expected on ${day(p.arrivalDate)}`}>
      <Text>Hello {p.name},</Text>
      <Text>
        Stripe sent a payout of {amount(p.amount, p.currency)} for your work with {business.name} to your
        bank. It should arrive by {day(p.arrivalDate)}.
      </Text>
      <Action href={p.link}>See your earnings and payouts</Action>
    </EmailLayout>
  ),
});
