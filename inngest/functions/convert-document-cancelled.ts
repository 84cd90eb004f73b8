/**
 * A convert-document run was cancelled (Jobs page): its document ends as Invalid, saying so, and
 * forgets the gateway's copy of its key. A conversion still running when the cancel came finds the
 * document no longer processing and leaves it as it is (convert-stored-document.ts).
 */
import { cancelledRunTrigger } from "@/inngest/runner/function-registry";
import { systemDb } from "@/server/db/system-db";
import { documentUploadedSchema } from "@/server/document/document-uploaded-event";
import { inngest } from "@/server/job/inngest-client";
import { convertDocumentFunction } from "./convert-document";

export const CANCELLED_CONVERSION_REASON = "The conversion was cancelled. Upload the document again to fax it.";

export const convertDocumentCancelledFunction = inngest.createFunction(
  { id: "convert-document-cancelled", triggers: [cancelledRunTrigger(convertDocumentFunction)], retries: 5 },
  async ({ event, step }) => {
    const parsed = documentUploadedSchema.safeParse((event.data as { event?: { data?: unknown } }).event?.data);
    if (!parsed.success) return { ended: 0 };
    return step.run("mark the document invalid (cancelled)", async () => {
      const { count } = await systemDb().document.updateMany({
        where: { id: parsed.data.documentId, status: "PROCESSING" },
        data: { status: "INVALID", invalidReason: CANCELLED_CONVERSION_REASON, gatewaySealedKey: null },
      });
      return { ended: count };
    });
  },
);
