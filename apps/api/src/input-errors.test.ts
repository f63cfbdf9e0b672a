import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DomainError } from "./errors.ts";
import { applyReadableZodMessages, fieldErrorsOf, zodMessage } from "./input-errors.ts";

applyReadableZodMessages();

const schema = z.object({
  name: z.string().trim().min(1, "Enter your name."),
  email: z.email(),
  minutes: z.number().int().max(1440),
  serviceId: z.uuid(),
  note: z.string(),
});

function refusal(input: unknown) {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error("expected a refusal");
  return parsed.error;
}

describe("refused input", () => {
  it("is sentences in the user's words, never zod's codes or field paths", () => {
    const error = refusal({ name: "", email: "x", minutes: 2000, serviceId: "nope" });
    const message = zodMessage(error);
    expect(message).toBe(
      "Enter your name. Enter a valid email address, like name@example.com. Enter 1440 or less. Choose one from the list. Fill this in.",
    );
    expect(message).not.toMatch(/name:|email:|Invalid|expected|received/);
  });

  it("keys each problem by the field the form sends", () => {
    expect(
      fieldErrorsOf(refusal({ name: "", email: "a@b.co", minutes: 5, serviceId: "nope", note: "" })),
    ).toEqual({
      name: ["Enter your name."],
      serviceId: ["Choose one from the list."],
    });
  });

  it("puts a domain check about one field beside that field", () => {
    const priced = new DomainError("invalid_input", "Price: enter an amount above zero.", undefined, "price");
    expect(fieldErrorsOf(priced)).toEqual({ price: ["Price: enter an amount above zero."] });
    expect(fieldErrorsOf(new DomainError("conflict", "Already done."))).toBeNull();
  });
});
