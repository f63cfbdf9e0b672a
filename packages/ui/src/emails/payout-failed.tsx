/** @jsxRuntime automatic @jsxImportSource react */
import { Text } from "@react-email/components";
import { z } from "zod";
import { defineEmail, link, money, text } from "./define.ts";
import { amount } from "./format.ts";
import { Action, EmailLayout } from "./layout.tsx";

export const payoutFailed = defineEmail({
  schema: z.object({ name: text, ...money, reason: text, fix: text, link }),
  subject: (p) => `Your payout of ${amount(p.amount, p.currency)} did not reach your bank`,
  body: (p, business) => (
    <EmailLayout business={business} preview="What happened, and what fixes it">
      <Text>Hello {p.name},</Text>
      <Text>
        Your payout of {amount(p.amount, p.currency)} for your work with {business.name} failed: {p.reason}
      </Text>
      <Text>
        <strong>What fixes it:</strong> {p.fix}
      </Text>
      <Text>The money is safe in your Stripe balance and is paid again once this is fixed.</Text>
      <Action href={p.link}>Open your payouts</Action>
    </EmailLayout>
  ),
});
