import { router } from "../../trpc.ts";
import {
  getProcedure,
  listProcedure,
  previewSplitProcedure,
  refreshStatusProcedure,
  setCommissionProcedure,
} from "./admin-procedures.ts";
import {
  acceptInvitationProcedure,
  invitationProcedure,
  invitationsProcedure,
  inviteProcedure,
  outboxProcedure,
  resendInvitationProcedure,
  revokeInvitationProcedure,
} from "./invitation-procedures.ts";
import {
  completeOnboardingProcedure,
  dashboardLinkProcedure,
  myAccountProcedure,
  myEarningsProcedure,
  startOnboardingProcedure,
} from "./self-procedures.ts";

export const fieldworkersRouter = router({
  list: listProcedure,
  get: getProcedure,
  setCommission: setCommissionProcedure,
  refreshStatus: refreshStatusProcedure,
  previewSplit: previewSplitProcedure,
  invite: inviteProcedure,
  invitations: invitationsProcedure,
  resendInvitation: resendInvitationProcedure,
  revokeInvitation: revokeInvitationProcedure,
  invitation: invitationProcedure,
  acceptInvitation: acceptInvitationProcedure,
  outbox: outboxProcedure,
  myAccount: myAccountProcedure,
  startOnboarding: startOnboardingProcedure,
  completeOnboarding: completeOnboardingProcedure,
  dashboardLink: dashboardLinkProcedure,
  myEarnings: myEarningsProcedure,
});
