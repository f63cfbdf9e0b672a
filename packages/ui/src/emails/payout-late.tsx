/** @jsxRuntime automatic @jsxImportSource react */
import { Text } from "@react-email/components";
import { z } from "zod";
import { defineEmail, link, money, text } from "./define.ts";
import { amount, day } from "./format.ts";
import { Action, EmailLayout } from "./layout.tsx";

export const payoutLate = defineEmail({
  schema: z.object({ name: text, ...money, expectedDate: z.iso.datetime(), fix: text, link }),
  subject: (p) => `Your payout of ${amount(p.amount, p.currency)} is late`,
  body: (p, business) => (
    <EmailLayout business={business} preview={`It was expected on ${day(p.expectedDate)}`}>
      <Text>Hello {p.name},</Text>
      <Text>
        Your payout of {amount(p.amount, p.currency)} for your work with {business.name} was expected by{" "}
        {day(p.expectedDate)} and has not arrived yet.
      </Text>
      <Text>
        <strong>What to do:</strong> {p.fix}
      </Text>
      <Action href={p.link}>See why it is late</Action>
    </EmailLayout>
  ),
});
