/** @jsxRuntime automatic @jsxImportSource react */
import { Text } from "@react-email/components";
import { z } from "zod";
import { defineEmail, link, money, text } from "./define.ts";
import { amount } from "./format.ts";
import { Action, EmailLayout } from "./layout.tsx";

/** A charge the customer has to complete themselves (their bank's check, a declined or missing card). */
export const paymentNeedsAttention = defineEmail({
  schema: z.object({ customerName: text, ...money, why: text, link }),
  subject: (p, business) =>
    `${business.name}: please pay the ${amount(p.amount, p.currency)} for your finished job`,
  body: (p, business) => (
    <EmailLayout business={business} preview={`${amount(p.amount, p.currency)} is still to pay`}>
      <Text>Hello {p.customerName},</Text>
      <Text>
        Your job with {business.name} is done, and {amount(p.amount, p.currency)} is still to pay. {p.why}
      </Text>
      <Action href={p.link}>Pay the {amount(p.amount, p.currency)} on your booking page</Action>
      <Text>Thank you, {business.name}</Text>
    </EmailLayout>
  ),
});
