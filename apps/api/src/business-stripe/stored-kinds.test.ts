// packages/db may not import packages/payments, so its column types spell out payments' lists once more; this
// file holds them together. The type-check (`npm test` runs it before any test) fails the moment one changes
// alone, and the api's zod schemas are built from the same lists (routers/*schemas.ts, payment-settings.ts).
import type * as Stored from "@fieldpay/db/schema";
import type { KeyMode } from "@fieldpay/payments/keys";
import type { PaymentPlan } from "@fieldpay/payments/plans";
import {
  type ChargePurpose,
  type ChargeType,
  CONNECT_ACCOUNT_TYPES,
  type ConnectAccountType,
} from "@fieldpay/payments/strategy";
import { describe, expect, expectTypeOf, it } from "vitest";
import { updatePaymentSettingsInput } from "../routers/payment-settings.ts";

describe("the words for key modes, charge types, account types, payment plans and charge purposes", () => {
  it("are the same in the database's types as in packages/payments", () => {
    expectTypeOf<Stored.KeyMode>().toEqualTypeOf<KeyMode>();
    expectTypeOf<Stored.ChargeType>().toEqualTypeOf<ChargeType>();
    expectTypeOf<Stored.ConnectAccountType>().toEqualTypeOf<ConnectAccountType>();
    expectTypeOf<Stored.PaymentSettingsRow["key_mode"]>().toEqualTypeOf<KeyMode>();
    expectTypeOf<Stored.PaymentPlan>().toEqualTypeOf<PaymentPlan>();
    expectTypeOf<Stored.ChargePurpose>().toEqualTypeOf<ChargePurpose>();
  });

  it("are what the api accepts, no more and no less", () => {
    expect(updatePaymentSettingsInput.shape.connectAccountType.options).toEqual([...CONNECT_ACCOUNT_TYPES]);
  });
});
