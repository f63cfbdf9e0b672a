// Services admins offer on the booking page: name, price (typed as a decimal, stored in minor units), duration.
import type { Db } from "@fieldpay/db/client";
import { findPaymentSettings } from "@fieldpay/db/repositories/payment-settings";
import {
  findService,
  insertService,
  listServices,
  type Service,
  updateService,
} from "@fieldpay/db/repositories/services";
import { parseMoney } from "@fieldpay/payments/money";
import { toDecimalString } from "@fieldpay/payments/money/minor-units";
import { DomainError, notFound } from "../errors.ts";

export interface ServiceInput {
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
  };
}

// Prices are in the currency the business charges in (payment settings), so the portal never mixes currencies.
async function businessCurrency(db: Db, tenantId: string): Promise<string> {
  return (await findPaymentSettings(db, tenantId))?.currency ?? "usd";
}

async function priceFrom(db: Db, tenantId: string, price: string) {
  const parsed = parseMoney({ value: price, currency: await businessCurrency(db, tenantId) });
  if (!parsed.ok) throw new DomainError("invalid_input", `Price: ${parsed.error.message}`);
  if (parsed.money.amount <= 0) throw new DomainError("invalid_input", "Price: enter an amount above zero.");
  return parsed.money;
}

export async function listServiceViews(db: Db, tenantId: string, activeOnly: boolean) {
  return (await listServices(db, tenantId, { activeOnly })).map(serviceView);
}

export async function createService(db: Db, tenantId: string, input: ServiceInput) {
  const price = await priceFrom(db, tenantId, input.price);
  const row = await insertService(db, {
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
  const price = await priceFrom(db, tenantId, input.price);
  const row = await updateService(db, tenantId, id, {
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
