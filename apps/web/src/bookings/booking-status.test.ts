// packages/ui may not import packages/db, so its lists of statuses spell the database's once more: held together
// here, so that a status added to the database without words in the vocabulary fails the type-check and this test.
import type { BookingStatus, FieldworkerAccountStatus } from "@fieldpay/db/schema";
import {
  ACCOUNT_STATUSES,
  BOOKING_STATUSES,
  type FieldworkerAccountStatus as WordedAccountStatus,
  type BookingStatus as WordedBookingStatus,
} from "@fieldpay/ui/status-pill";
import { describe, expect, expectTypeOf, it } from "vitest";
import { bookingStatusLabel } from "./booking-status.tsx";

describe("the booking statuses the vocabulary words", () => {
  it("are exactly the database's", () => {
    expectTypeOf<WordedBookingStatus>().toEqualTypeOf<BookingStatus>();
    expectTypeOf<WordedAccountStatus>().toEqualTypeOf<FieldworkerAccountStatus>();
  });

  it("each read as words, none as its code", () => {
    for (const status of BOOKING_STATUSES) expect(bookingStatusLabel(status)).not.toMatch(/_|^[a-z]/);
    for (const status of ACCOUNT_STATUSES) expect(status).toMatch(/^[a-z_]+$/);
  });
});
