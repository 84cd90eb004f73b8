/** The event that starts a document's conversion, sent in the transaction that marks it uploaded. */
import { z } from "zod";

export const DOCUMENT_UPLOADED_EVENT = "document/uploaded";
export const documentUploadedSchema = z.object({ documentId: z.uuid() });

export function documentUploadedEvent(documentId: string) {
  return { name: DOCUMENT_UPLOADED_EVENT, data: { documentId } satisfies z.infer<typeof documentUploadedSchema> };
}
