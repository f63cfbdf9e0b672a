// An undelivered email is logged for whoever runs fieldpay by ids, without the recipient's address, even when
// the mail server's answer quotes it; the sender still reads which address was refused.
import { captureLog } from "@fieldpay/payments/testing/log-capture";
import { describe, expect, it } from "vitest";
import { notDelivered } from "./delivery-errors.ts";
import { MailDeliveryError } from "./mailer.ts";

describe("notDelivered", () => {
  it("logs one line by ids with the server's answer, the address masked, and tells the sender", () => {
    const { raw, lines, log } = captureLog("api");
    const refused = new MailDeliveryError(
      "recipient_refused",
      "EENVELOPE: 550 5.1.1 <fern@example.com>: Recipient address rejected",
    );
    const error = notDelivered(log, refused, "fern@example.com", { kind: "invitation", tenantId: "t1" });
    expect(lines()).toEqual([
      expect.objectContaining({
        level: "warn",
        msg: "[mail] invitation email not delivered (recipient_refused)",
        kind: "invitation",
        tenantId: "t1",
        failure: "recipient_refused",
        detail: "EENVELOPE: 550 5.1.1 <[address]>: Recipient address rejected",
      }),
    ]);
    expect(raw.join("")).not.toContain("fern@");
    expect(error.message).toBe("The mail server refused fern@example.com, so nothing was sent.");
  });
});
