/** @jsxRuntime automatic @jsxImportSource react */
import { Text } from "@react-email/components";
import { z } from "zod";
import { defineEmail, link, money, text } from "./define.ts";
import { amount } from "./format.ts";
import { Action, EmailLayout } from "./layout.tsx";

export const refundMade = defineEmail({
  schema: z.object({ customerName: text, serviceName: text, ...money, link }),
  subject: (p, business) => `${business.name} refunded ${amount(p.amount, p.currency)}`,
  body: (p, business) => (
    <EmailLayout business={business} preview={`A refund of ${amount(p.amount, p.currency)} is on its way`}>
      <Text>Hello {p.customerName},</Text>
      <Text>
        {business.name} refunded {amount(p.amount, p.currency)} for {p.serviceName} to the card you paid with.
        Banks usually show it within 5 to 10 business days.
      </Text>
      <Action href={p.link}>See your booking and receipt</Action>
    </EmailLayout>
  ),
});
