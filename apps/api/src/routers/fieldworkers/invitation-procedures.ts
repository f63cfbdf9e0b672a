// Inviting fieldworkers (admins) and accepting an invitation (anyone holding the link).
import { mailTransportKind } from "@fieldpay/db/repositories/emails";
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

/** Dev only: the business's emails as the worker rendered them, and where each stands (none with SMTP). */
export const outboxProcedure = roleProcedure("admin")
  .input(z.void())
  .output(
    z.array(
      z.object({
        id: z.string(),
        to: z.string(),
        subject: z.string(),
        body: z.string(),
        status: z.enum(["queued", "sending", "delivered", "failed", "suppressed"]),
        sentAt: z.date(),
      }),
    ),
  )
  .query(async ({ ctx }) => {
    if ((await mailTransportKind(ctx.db)) !== "outbox") {
      throw new DomainError(
        "not_found",
        "Emails are delivered for real here, so there is no outbox to show.",
      );
    }
    const rows = await listOutboxEmails(ctx.db, ctx.auth.tenant.id);
    return rows.map((r) => ({
      id: r.id,
      to: r.to_address,
      subject: r.subject ?? "(not written yet: the worker renders it when it delivers)",
      body: r.body ?? "",
      status: r.status,
      sentAt: r.delivered_at ?? r.created_at,
    }));
  });
