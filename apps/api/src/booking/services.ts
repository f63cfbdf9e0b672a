// Services admins offer on the booking page: name, price (typed as a decimal, stored in minor units), duration.
import type { Db } from "@fieldpay/db/client";
import { getBookingPreferences, saveBookingPreferences } from "@fieldpay/db/repositories/bookings";
import { findPaymentSettings } from "@fieldpay/db/repositories/payment-settings";
import {
  findService,
  insertService,
  listServices,
  type Service,
  updateService,
} from "@fieldpay/db/repositories/services";
import type { PaymentPlan } from "@fieldpay/db/schema";
import { parseMoney } from "@fieldpay/payments/money";
import { chargeLimitProblem } from "@fieldpay/payments/money/limits";
import { toDecimalString } from "@fieldpay/payments/money/minor-units";
import { DomainError, notFound } from "../errors.ts";
import { checkPlanForPrice, type PlanInput, planColumns, planView } from "./payment-plans.ts";

export interface ServiceInput extends PlanInput {
  name: string;
  description: string;
  /** As typed, in the business's currency: "45.00". */
  price: string;
  durationMinutes: number;
  active: boolean;
}

export function serviceView(row: Service) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    durationMinutes: row.duration_minutes,
    price: { amount: row.price_amount, currency: row.currency },
    priceDecimal: toDecimalString(row.price_amount, row.currency),
    active: row.active,
    ...planView(row, row.currency),
  };
}

// Prices are in the currency the business charges in (payment settings), so the portal never mixes currencies.
async function businessCurrency(db: Db, tenantId: string): Promise<string> {
  return (await findPaymentSettings(db, tenantId))?.currency ?? "usd";
}

/** The price and the payment plan from the form, checked together (a deposit must fit the price). */
async function priceAndPlan(db: Db, tenantId: string, input: ServiceInput) {
  const parsed = parseMoney({ value: input.price, currency: await businessCurrency(db, tenantId) });
  const priceProblem = (message: string) => new DomainError("invalid_input", message, undefined, "price");
  if (!parsed.ok) throw priceProblem(`Price: ${parsed.error.message}`);
  if (parsed.money.amount <= 0) throw priceProblem("Price: enter an amount above zero.");
  // Checked here, not at pay time: a price Stripe cannot charge would only fail when a customer tries to pay.
  const limit = chargeLimitProblem(parsed.money.amount, parsed.money.currency);
  if (limit) throw priceProblem(`Price: ${limit}`);
  const plan = planColumns(input, parsed.money.currency);
  checkPlanForPrice(plan, parsed.money);
  return { price: parsed.money, plan };
}

export async function listServiceViews(db: Db, tenantId: string, activeOnly: boolean) {
  return (await listServices(db, tenantId, { activeOnly })).map(serviceView);
}

export async function createService(db: Db, tenantId: string, input: ServiceInput) {
  const { price, plan } = await priceAndPlan(db, tenantId, input);
  const row = await insertService(db, {
    ...plan,
    tenant_id: tenantId,
    name: input.name,
    description: input.description,
    duration_minutes: input.durationMinutes,
    price_amount: price.amount,
    currency: price.currency,
    active: input.active,
  });
  return serviceView(row);
}

export async function changeService(db: Db, tenantId: string, id: string, input: ServiceInput) {
  if (!(await findService(db, tenantId, id))) throw notFound("This service");
  const { price, plan } = await priceAndPlan(db, tenantId, input);
  const row = await updateService(db, tenantId, id, {
    ...plan,
    name: input.name,
    description: input.description,
    duration_minutes: input.durationMinutes,
    price_amount: price.amount,
    currency: price.currency,
    active: input.active,
  });
  if (!row) throw notFound("This service");
  return serviceView(row);
}

/** What the booking page allows, and the business's default payment plan, as the settings form shows them. */
export async function bookingPreferencesView(db: Db, tenantId: string) {
  const prefs = await getBookingPreferences(db, tenantId);
  const columns = {
    payment_plan: prefs.paymentPlan,
    deposit_bps: prefs.depositBps,
    deposit_fixed: prefs.depositFixed,
  };
  const { depositKind, depositValue } = planView(columns, await businessCurrency(db, tenantId));
  return {
    customersChooseFieldworker: prefs.customersChooseFieldworker,
    paymentPlan: prefs.paymentPlan,
    depositKind,
    depositValue,
  };
}

export async function saveBookingPreferencesInput(
  db: Db,
  tenantId: string,
  input: PlanInput & { customersChooseFieldworker: boolean; paymentPlan: PaymentPlan },
) {
  const plan = planColumns(input, await businessCurrency(db, tenantId));
  await saveBookingPreferences(db, tenantId, {
    customersChooseFieldworker: input.customersChooseFieldworker,
    paymentPlan: plan.payment_plan ?? "full",
    depositBps: plan.deposit_bps,
    depositFixed: plan.deposit_fixed,
  });
  return bookingPreferencesView(db, tenantId);
}
