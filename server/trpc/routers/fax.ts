/** Outbound faxes: send, list, detail, cancel, resend (the Send Fax page). */
import { faxIdSchema, faxListSchema, faxResendSchema, faxSendSchema } from "@/lib/schemas/fax";
import { cancelFax } from "../../fax/cancel-fax";
import { getFax } from "../../fax/get-fax";
import { getFaxReport } from "../../fax/get-fax-report";
import { listFaxes } from "../../fax/list-faxes";
import { resendFax } from "../../fax/resend-fax";
import { sendFaxes } from "../../fax/send-faxes";
import { gatewayPublicKey } from "../../gateway/gateway-key";
import { protectedProcedure, router } from "../init";

export const faxRouter = router({
  send: protectedProcedure.input(faxSendSchema).mutation(({ ctx, input }) => sendFaxes({ ctx, input })),
  list: protectedProcedure.input(faxListSchema).query(({ ctx, input }) => listFaxes({ ctx, input })),
  get: protectedProcedure.input(faxIdSchema).query(({ ctx, input }) => getFax({ ctx, id: input.id })),
  /** The transmission report: ciphertext and the caller's sealed copy of its key (opened in the browser). */
  report: protectedProcedure.input(faxIdSchema).query(({ ctx, input }) => getFaxReport({ ctx, id: input.id })),
  cancel: protectedProcedure.input(faxIdSchema).mutation(({ ctx, input }) => cancelFax({ ctx, id: input.id })),
  resend: protectedProcedure.input(faxResendSchema).mutation(({ ctx, input }) => resendFax({ ctx, input })),
  /** The gateway's public key: the browser seals a document key to it for one send. */
  gatewayKey: protectedProcedure.query(async () => ({ publicKey: await gatewayPublicKey() })),
});
