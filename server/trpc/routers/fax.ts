/** Outbound faxes: send, list, detail, cancel, resend (the Send Fax page); every tenant's list for platform admins. */
import {
  faxIdSchema,
  faxListSchema,
  faxPlatformListSchema,
  faxResendSchema,
  faxResultEmailSchema,
  faxSendSchema,
} from "@/lib/schemas/fax";
import { automaticCallerId } from "../../fax/automatic-caller-id";
import { cancelFax } from "../../fax/cancel-fax";
import { getFaxResultEmail, setFaxResultEmail } from "../../fax/fax-result-email";
import { getFax } from "../../fax/get-fax";
import { getFaxReport } from "../../fax/get-fax-report";
import { listAllFaxes } from "../../fax/list-all-faxes";
import { listFaxes } from "../../fax/list-faxes";
import { resendFax } from "../../fax/resend-fax";
import { sendFaxRuntime } from "../../fax/send-fax-runtime";
import { sendFaxes } from "../../fax/send-faxes";
import { platformAdminProcedure, protectedProcedure, router } from "../init";

export const faxRouter = router({
  send: protectedProcedure.input(faxSendSchema).mutation(({ ctx, input }) => sendFaxes({ ctx, input })),
  list: protectedProcedure.input(faxListSchema).query(({ ctx, input }) => listFaxes({ ctx, input })),
  /** Platform admins: every organisation's faxes, metadata only (Administration → Sent faxes). */
  listAll: platformAdminProcedure.input(faxPlatformListSchema).query(({ ctx, input }) => listAllFaxes({ ctx, input })),
  get: protectedProcedure.input(faxIdSchema).query(({ ctx, input }) => getFax({ ctx, id: input.id })),
  /** The transmission report: ciphertext and the caller's sealed copy of its key (opened in the browser). */
  report: protectedProcedure.input(faxIdSchema).query(({ ctx, input }) => getFaxReport({ ctx, id: input.id })),
  cancel: protectedProcedure.input(faxIdSchema).mutation(({ ctx, input }) => cancelFax({ ctx, id: input.id })),
  resend: protectedProcedure.input(faxResendSchema).mutation(({ ctx, input }) => resendFax({ ctx, input })),
  /** The signed-in person's own choice of result emails. */
  resultEmail: protectedProcedure.query(({ ctx }) => getFaxResultEmail(ctx)),
  setResultEmail: protectedProcedure
    .input(faxResultEmailSchema)
    .mutation(({ ctx, input }) => setFaxResultEmail(ctx, input.faxResultEmail)),
  /** The caller ID "Automatic" gives this person (null: the organisation has no fax number to send from). */
  automaticCallerId: protectedProcedure.query(({ ctx }) => automaticCallerId({ ctx })),
  /** The gateway's current public key (it rotates): the browser seals a job's keys to it. */
  gatewayKey: protectedProcedure.query(() => sendFaxRuntime().gatewayKeys.currentText()),
});
