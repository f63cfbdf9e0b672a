/** @jsxRuntime automatic @jsxImportSource react */
import { Text } from "@react-email/components";
import { z } from "zod";
import { defineEmail, link, money, text } from "./define.ts";
import { amount } from "./format.ts";
import { Action, EmailLayout } from "./layout.tsx";

/** To the business's admins: a fieldworker's (or the business's own) payout failed. */
export const payoutFailures = defineEmail({
  schema: z.object({ recipientName: text, ...money, reason: text, fix: text, link }),
  subject: (p) => `A payout of ${amount(p.amount, p.currency)} to ${p.recipientName} failed`,
  body: (p, business) => (
    <EmailLayout business={business} preview="What happened, and what fixes it">
      <Text>
        The payout of {amount(p.amount, p.currency)} to {p.recipientName} failed: {p.reason}
      </Text>
      <Text>
        <strong>What fixes it:</strong> {p.fix}
      </Text>
      <Action href={p.link}>Open Payouts &amp; alerts</Action>
      <Text>You can turn these emails off on your account page.</Text>
    </EmailLayout>
  ),
});
