/** Converts an uploaded document on the gateway side (server/document/convert-stored-document.ts). */
import { systemDb } from "@/server/db/system-db";
import { convertStoredDocument } from "@/server/document/convert-stored-document";
import { DOCUMENT_UPLOADED_EVENT, documentUploadedSchema } from "@/server/document/document-uploaded-event";
import { sendFaxRuntime } from "@/server/fax/send-fax-runtime";
import { inngest } from "@/server/job/inngest-client";

export const convertDocumentFunction = inngest.createFunction(
  {
    id: "convert-document",
    triggers: { event: DOCUMENT_UPLOADED_EVENT },
    retries: 3,
    // Conversions are CPU-heavy (LibreOffice, ghostscript): two at a time per process is plenty here.
    concurrency: { limit: 2 },
    // Given up: the document must not stay "processing" for ever, nor keep the gateway's key.
    onFailure: async ({ event, step }) => {
      const parsed = documentUploadedSchema.safeParse(event.data.event.data);
      if (!parsed.success) return;
      await step.run("mark the document invalid", async () => {
        await systemDb().document.updateMany({
          where: { id: parsed.data.documentId, status: "PROCESSING" },
          data: {
            status: "INVALID",
            invalidReason: "The document could not be converted. Upload it again; if it fails again, try a PDF.",
            gatewaySealedKey: null,
          },
        });
      });
    },
  },
  async ({ event, step }) => {
    const { documentId } = documentUploadedSchema.parse(event.data);
    return step.run("convert", () => convertStoredDocument(documentId, sendFaxRuntime()));
  },
);
