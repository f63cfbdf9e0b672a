import { describe, expect, it } from "vitest";
import { type ErrorInfo, formErrors } from "./errors.ts";

const signUpFields = [
  { name: "businessName", label: "Business name" },
  { name: "slug", label: "Booking page address" },
  { name: "email", label: "Email" },
] as const;

const info = (message: string, fieldErrors: ErrorInfo["fieldErrors"] = {}): ErrorInfo => ({
  message,
  fix: null,
  fieldErrors,
});

describe("formErrors", () => {
  it("puts each field's problem beside it and lists them at the top by label, in the form's order", () => {
    const form = formErrors(
      "signup",
      info("Enter a valid email address. Enter your business's name.", {
        email: ["Enter a valid email address."],
        businessName: ["Enter your business's name."],
      }),
      signUpFields,
    );
    expect(form.summary.problems).toEqual([
      { fieldId: "signup-businessName", label: "Business name", message: "Enter your business's name." },
      { fieldId: "signup-email", label: "Email", message: "Enter a valid email address." },
    ]);
    expect(form.field("email")).toEqual({
      id: "signup-email",
      name: "email",
      label: "Email",
      error: "Enter a valid email address.",
    });
    expect(form.field("slug").error).toBeUndefined();
    expect(JSON.stringify(form.summary)).not.toContain("businessName:");
  });

  it("claims a message that names its field by label, and shows it without the label beside the field", () => {
    const form = formErrors("svc", info("Price: Stripe's smallest card payment in US dollars is $0.50."), [
      { name: "price", label: "Price" },
    ]);
    expect(form.field("price").error).toBe("Stripe's smallest card payment in US dollars is $0.50.");
    expect(form.summary.problems).toHaveLength(1);
  });

  it("shows a problem of no field of the form in the api's words, unlinked", () => {
    const form = formErrors(
      "book",
      info("That is not a booking of yours.", { bookingId: ["That is not a booking of yours."] }),
      [{ name: "serviceId", label: "Service" }],
    );
    expect(form.summary.problems).toEqual([{ message: "That is not a booking of yours." }]);
  });

  it("falls back to the message when no field is named, with the fix; nothing without an error", () => {
    const form = formErrors(
      "signin",
      { message: "Wrong email or password.", fix: "Try again.", fieldErrors: {} },
      [{ name: "email", label: "Email" }],
    );
    expect(form.summary).toEqual({ problems: [{ message: "Wrong email or password." }], fix: "Try again." });
    expect(formErrors("signin", null, [{ name: "email", label: "Email" }]).summary.problems).toEqual([]);
  });
});
