// How refused input reaches the user: sentences without zod paths or code names, and each problem keyed by the
// field it is about (`fieldErrors`), so the page shows it beside that field and names it by its label.
import { type core, ZodError, z } from "zod";
import { DomainError, InputProblems } from "./errors.ts";

type Issue = Parameters<core.$ZodErrorMap>[0];

function tooSmall(issue: Extract<Issue, { code: "too_small" }>): string {
  if (issue.origin === "string") {
    return Number(issue.minimum) <= 1 ? "Fill this in." : `Use at least ${issue.minimum} characters.`;
  }
  if (issue.origin === "array" || issue.origin === "set") return `Choose at least ${issue.minimum}.`;
  return `Enter ${issue.minimum} or more.`;
}

function tooBig(issue: Extract<Issue, { code: "too_big" }>): string {
  if (issue.origin === "string") return `Use at most ${issue.maximum} characters.`;
  if (issue.origin === "array" || issue.origin === "set") return `Choose at most ${issue.maximum}.`;
  return `Enter ${issue.maximum} or less.`;
}

/**
 * What a user reads when an input fails a zod check that has no message of its own: a sentence saying the fix,
 * never zod's "Invalid input: expected string, received undefined". Schemas' own messages always win over these.
 */
export function readableZodMessage(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined || issue.input === null || issue.input === ""
        ? "Fill this in."
        : "Check this: it is not the kind of value expected here.";
    case "too_small":
      return tooSmall(issue);
    case "too_big":
      return tooBig(issue);
    case "invalid_format":
      if (issue.format === "email") return "Enter a valid email address, like name@example.com.";
      if (issue.format === "uuid") return "Choose one from the list.";
      return "Check the format of what you entered.";
    case "invalid_value":
    case "invalid_union":
      return "Choose one of the options offered.";
    case "not_multiple_of":
      return `Enter a multiple of ${issue.divisor}.`;
    case "unrecognized_keys":
      return "Reload the page and try again: the form sent something it should not have.";
    default:
      return "Check what you entered here.";
  }
}

/** Every api process calls this once at start-up (trpc.ts does, before any input is parsed). */
export function applyReadableZodMessages(): void {
  z.config({ customError: readableZodMessage });
}

/** The problems as sentences, without zod paths: `fieldErrors` says which field each belongs to. */
export function zodMessage(error: ZodError): string {
  const sentences = error.issues.map((i) => (/[.!?]$/.test(i.message) ? i.message : `${i.message}.`));
  return [...new Set(sentences)].join(" ");
}

/** Each problem under the input field it is about (its first path segment: the name the form sends). */
export function zodFieldErrors(error: ZodError): Record<string, string[]> {
  const byField: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field !== "string") continue;
    const list = byField[field] ?? [];
    if (!list.includes(issue.message)) list.push(issue.message);
    byField[field] = list;
  }
  return byField;
}

/** Per-field problems of a refused input or a domain check about one field; null for anything else. */
export function fieldErrorsOf(cause: unknown): Record<string, string[]> | null {
  if (cause instanceof ZodError) return zodFieldErrors(cause);
  if (cause instanceof InputProblems) {
    const byField: Record<string, string[]> = {};
    for (const p of cause.problems) byField[p.field] = [...(byField[p.field] ?? []), p.message];
    return byField;
  }
  if (cause instanceof DomainError && cause.field) return { [cause.field]: [cause.message] };
  return null;
}
