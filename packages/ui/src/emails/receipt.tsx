/** @jsxRuntime automatic @jsxImportSource react */
import { Column, Row, Section, Text } from "@react-email/components";
import { z } from "zod";
import { defineEmail, link, money, text } from "./define.ts";
import { amount } from "./format.ts";
import { Action, EmailLayout } from "./layout.tsx";

const PURPOSES: Record<string, string> = {
  full: "Payment",
  deposit: "Deposit",
  balance: "Balance after the job",
  capture: "Payment after the job",
  extra: "Extra",
  tip: "Tip",
};

/** After each successful charge: what was paid now, and the booking's ledger so far. */
export const receipt = defineEmail({
  schema: z.object({
    customerName: text,
    serviceName: text,
    ...money,
    lines: z.array(z.object({ kind: z.enum(["charge", "refund"]), purpose: text, amount: z.number().int() })),
    link,
  }),
  subject: (p, business) => `${business.name}: receipt for ${amount(p.amount, p.currency)}`,
  body: (p, business) => {
    const total = p.lines.reduce((sum, l) => sum + l.amount, 0);
    return (
      <EmailLayout business={business} preview={`We received ${amount(p.amount, p.currency)}`}>
        <Text>Hello {p.customerName},</Text>
        <Text>
          Thank you: {business.name} received {amount(p.amount, p.currency)} for {p.serviceName}.
        </Text>
        <Section>
          {p.lines.map((l, i) => (
            <Row key={i}>
              <Column>{l.kind === "refund" ? "Refund" : (PURPOSES[l.purpose] ?? "Charge")}</Column>
              <Column align="right">{amount(l.amount, p.currency)}</Column>
            </Row>
          ))}
          <Row>
            <Column>
              <strong>Paid in total</strong>
            </Column>
            <Column align="right">
              <strong>{amount(total, p.currency)}</strong>
            </Column>
          </Row>
        </Section>
        <Action href={p.link}>See your booking and receipt</Action>
      </EmailLayout>
    );
  },
});
