import { router } from "../../trpc.ts";
import {
  assignableFieldworkersProcedure,
  assignFieldworkerProcedure,
  getProcedure,
  listProcedure,
  refundPreviewProcedure,
  refundProcedure,
} from "./admin-procedures.ts";
import {
  createProcedure,
  mineProcedure,
  optionsProcedure,
  payProcedure,
  refreshPaymentProcedure,
} from "./customer-procedures.ts";
import { markDoneProcedure, myJobsProcedure } from "./job-procedures.ts";

export const bookingsRouter = router({
  options: optionsProcedure,
  create: createProcedure,
  mine: mineProcedure,
  get: getProcedure,
  pay: payProcedure,
  refreshPayment: refreshPaymentProcedure,
  list: listProcedure,
  refund: refundProcedure,
  refundPreview: refundPreviewProcedure,
  assignableFieldworkers: assignableFieldworkersProcedure,
  assignFieldworker: assignFieldworkerProcedure,
  myJobs: myJobsProcedure,
  markDone: markDoneProcedure,
});
