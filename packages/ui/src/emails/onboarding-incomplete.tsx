/** @jsxRuntime automatic @jsxImportSource react */
import { Text } from "@react-email/components";
import { z } from "zod";
import { defineEmail, link, text } from "./define.ts";
import { Action, EmailLayout } from "./layout.tsx";

// Two occasions, one template: Stripe asking for more after onboarding (an account event), and the reminder
// two days after joining to a fieldworker who has not finished (`reminder`; `connected` false when no Stripe
// account is connected yet).
export const onboardingIncomplete = defineEmail({
  schema: z.object({
    name: text,
    missing: z.array(text).max(20),
    link,
    reminder: z.boolean().optional(),
    connected: z.boolean().optional(),
  }),
  subject: (_p, business) => `Finish setting up payouts with ${business.name}`,
  body: (p, business) => {
    const list = p.missing.length > 0;
    const notConnected = p.reminder === true && p.connected === false;
    const intro = notConnected
      ? `You joined ${business.name} on fieldpay, but you have not set up a Stripe account yet. Your share of the jobs can be paid to you once you do.`
      : p.reminder
        ? `Your Stripe setup is not finished yet, so your share of ${business.name}'s jobs cannot be paid to you${list ? ". Stripe still needs:" : "."}`
        : `Stripe needs a few more details before your share of ${business.name}'s jobs can be paid to you${list ? ":" : "."}`;
    return (
      <EmailLayout
        business={business}
        preview={
          p.reminder
            ? "Your Stripe setup is not finished yet"
            : "Stripe needs a few more details before you can be paid"
        }
      >
        <Text>Hello {p.name},</Text>
        <Text>{intro}</Text>
        {p.missing.map((m) => (
          <Text key={m}>• {m}</Text>
        ))}
        <Action href={p.link}>
          {notConnected ? "Set up your Stripe account" : "Continue your Stripe setup"}
        </Action>
      </EmailLayout>
    );
  },
});
