// Inviting fieldworkers (admins) and accepting an invitation (anyone holding the link).
import { listOutboxEmails } from "@fieldpay/db/repositories/outbox-emails";
import { z } from "zod";
import {
  acceptInvitation,
  describeInvitation,
  inviteFieldworker,
  listInvitationViews,
  resendInvitation,
  revokeInvitation,
} from "../../connect/invitations.ts";
import { DomainError } from "../../errors.ts";
import { mailerFor } from "../../mail/mailer-for.ts";
import { publicProcedure, roleProcedure } from "../../trpc.ts";
import { email, newPassword, personName, signedIn } from "../auth/schemas.ts";
import { invitation, invitationToken } from "./schemas.ts";

export const inviteProcedure = roleProcedure("admin")
  .input(z.object({ email, name: personName }))
  .output(invitation)
  .mutation(({ ctx, input }) => inviteFieldworker(ctx, ctx.auth, input));

export const invitationsProcedure = roleProcedure("admin")
  .input(z.void())
  .output(z.array(invitation))
  .query(({ ctx }) => listInvitationViews(ctx.db, ctx.auth.tenant.id));

export const revokeInvitationProcedure = roleProcedure("admin")
  .input(z.object({ invitationId: z.uuid("Choose an invitation from the list.") }))
  .output(z.object({ revoked: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await revokeInvitation(ctx.db, ctx.auth.tenant.id, input.invitationId);
    return { revoked: true as const };
  });

export const resendInvitationProcedure = roleProcedure("admin")
  .input(z.object({ invitationId: z.uuid("Choose an invitation from the list.") }))
  .output(invitation)
  .mutation(({ ctx, input }) => resendInvitation(ctx, ctx.auth, input.invitationId));

/** Public: the link itself is the credential. Shows whose invitation it is before a password is chosen. */
export const invitationProcedure = publicProcedure
  .input(z.object({ token: invitationToken }))
  .output(z.object({ businessName: z.string(), email: z.string(), name: z.string(), expiresAt: z.date() }))
  .query(({ ctx, input }) => describeInvitation(ctx.db, input.token));

export const acceptInvitationProcedure = publicProcedure
  .input(z.object({ token: invitationToken, name: personName, password: newPassword }))
  .output(signedIn)
  .mutation(async ({ ctx, input }) => {
    const session = await acceptInvitation(ctx.db, input);
    ctx.cookies.set(session.token, session.expiresAt);
    return { signedIn: true as const };
  });

/** Dev only: what the outbox transport "sent" for this business (a delivering transport shows nothing). */
export const outboxProcedure = roleProcedure("admin")
  .input(z.void())
  .output(
    z.array(
      z.object({ id: z.string(), to: z.string(), subject: z.string(), body: z.string(), sentAt: z.date() }),
    ),
  )
  .query(async ({ ctx }) => {
    if (mailerFor(ctx).kind !== "outbox") {
      throw new DomainError(
        "not_found",
        "Emails are delivered for real here, so there is no outbox to show.",
      );
    }
    const rows = await listOutboxEmails(ctx.db, ctx.auth.tenant.id);
    return rows.map((r) => ({
      id: r.id,
      to: r.to_address,
      subject: r.subject ?? "",
      body: r.body ?? "",
      sentAt: r.created_at,
    }));
  });
