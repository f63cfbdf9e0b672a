// Domain errors: thrown by services, mapped to tRPC errors in one middleware (trpc.ts). Messages are for the user.
export type DomainErrorCode =
  | "invalid_credentials"
  | "rate_limited"
  | "conflict"
  | "not_found"
  | "forbidden"
  | "invalid_input"
  | "unauthenticated"
  /** Something fieldpay depends on (the mail server) did not do its part; trying again later may work. */
  | "unavailable";

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** What the user can do about it, shown under the message. */
    readonly fix?: string,
    /** The input field it is about (the name the form sends), so the page shows the message beside it. */
    readonly field?: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what: string) => new DomainError("not_found", `${what} was not found.`);

export interface FieldProblem {
  /** The input field it is about (the name the form sends). */
  field: string;
  message: string;
  fix?: string | undefined;
}

/**
 * Everything wrong with what was typed into a long form, found before anything is saved or sent, so the person
 * fixes it all in one go rather than one problem per try. Each message goes beside its field.
 */
export class InputProblems extends DomainError {
  constructor(readonly problems: ReadonlyArray<FieldProblem>) {
    const fixes = problems.flatMap((p) => (p.fix ? [p.fix] : []));
    super(
      "invalid_input",
      problems.map((p) => p.message).join(" "),
      fixes.length ? fixes.join(" ") : undefined,
      problems.length === 1 ? problems[0]?.field : undefined,
    );
    this.name = "InputProblems";
  }
}
