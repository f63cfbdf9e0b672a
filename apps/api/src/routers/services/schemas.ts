import { PAYMENT_PLANS } from "@fieldpay/payments/plans";
import { z } from "zod";
import { planInput, planOutput } from "../../booking/payment-plans.ts";

export const moneyOutput = z.object({ amount: z.number().int(), currency: z.string() });

export const serviceOutput = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  durationMinutes: z.number().int(),
  price: moneyOutput,
  priceDecimal: z.string(),
  active: z.boolean(),
  ...planOutput.shape,
});

export const serviceInput = z.object({
  name: z.string().trim().min(1, "Name the service.").max(120, "Service names are at most 120 characters."),
  description: z.string().trim().max(1000, "Keep the description under 1000 characters.").default(""),
  price: z.string().trim().min(1, "Enter a price, like 45.00.").max(20, "Enter a price, like 45.00."),
  durationMinutes: z.coerce
    .number({ message: "Enter the duration in minutes." })
    .int("Enter the duration in whole minutes.")
    .min(5, "A service lasts at least 5 minutes.")
    .max(1440, "A service lasts at most 24 hours (1440 minutes)."),
  active: z.boolean().default(true),
  ...planInput.shape,
});

const businessPlan = z.enum(PAYMENT_PLANS, { message: "Choose how customers pay." });

export const preferencesOutput = z.object({
  customersChooseFieldworker: z.boolean(),
  /** The business default for services that do not choose their own plan. */
  paymentPlan: businessPlan,
  depositKind: planOutput.shape.depositKind,
  depositValue: planOutput.shape.depositValue,
});

export const preferencesInput = z.object({
  customersChooseFieldworker: z.boolean(),
  paymentPlan: businessPlan.default("full"),
  depositKind: planInput.shape.depositKind,
  depositValue: planInput.shape.depositValue,
});

export const catalogOutput = z.array(
  z.object({
    name: z.string(),
    description: z.string(),
    durationMinutes: z.number().int(),
    price: moneyOutput,
  }),
);
