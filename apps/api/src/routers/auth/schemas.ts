import { z } from "zod";

export const email = z
  .string()
  .trim()
  .max(254, "Email addresses are at most 254 characters.")
  .pipe(z.email("Enter a valid email address, like name@example.com."));
export const newPassword = z
  .string()
  .min(10, "Use at least 10 characters for your password.")
  .max(200, "Use at most 200 characters for your password.");
/** Sign-in takes whatever was typed: length rules belong to choosing a password, not to entering it. */
export const password = z.string().min(1, "Enter your password.").max(200, "That password is too long.");
export const personName = z
  .string()
  .trim()
  .min(1, "Enter your name.")
  .max(120, "Names are at most 120 characters.");
export const tenantSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9][a-z0-9-]{1,40}$/,
    "Use 2 to 41 lower-case letters, digits or dashes, starting with a letter or digit.",
  );

export const meOutput = z
  .object({
    user: z.object({
      id: z.string(),
      name: z.string(),
      email: z.string(),
      role: z.enum(["admin", "fieldworker", "customer"]),
    }),
    tenant: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
    /** Whether emails stay in the outbox (no SMTP_URL): the admin app then offers its Outbox page. */
    emailOutbox: z.boolean(),
  })
  .nullable();

export const signedIn = z.object({ signedIn: z.literal(true) });
