/**
 * Deletes a document and every stored object of it. Faxes already sent with it keep their record
 * (attempts, results) but can no longer show its pages; while a fax is still waiting to send it the
 * delete is refused, so nothing queued loses its pages.
 */
import type { ActorContext } from "../db/run-in-scope";
import { conflict, notFound } from "../errors";
import { sendFaxRuntime } from "../fax/send-fax-runtime";
import { documentAccess } from "./document-access";
import { allDocumentPartKeys } from "./document-storage-keys";

export async function deleteDocument(opts: { ctx: ActorContext; id: string }) {
  const { ctx, id } = opts;
  const document = await ctx.db.document.findFirst({
    where: documentAccess(ctx, id),
    select: { id: true, tenantId: true, storageKey: true, kind: true, sizeBytes: true },
  });
  if (!document) throw notFound("Document");
  const waiting = await ctx.db.faxJob.count({
    where: { documentId: document.id, status: { in: ["QUEUED", "IN_PROGRESS"] } },
  });
  if (waiting > 0) {
    throw conflict(
      `${waiting === 1 ? "A fax is" : `${waiting} faxes are`} still waiting to send this document. Cancel ${waiting === 1 ? "it" : "them"} first, or wait until ${waiting === 1 ? "it has" : "they have"} been sent.`,
    );
  }
  const sent = await ctx.db.faxJob.count({ where: { documentId: document.id } });
  await ctx.db.document.delete({ where: { id: document.id } });
  await ctx.audit({
    tenantId: document.tenantId,
    action: "document.delete",
    entityType: "Document",
    entityId: document.id,
    details: { kind: document.kind, sizeBytes: document.sizeBytes, faxesKeepingTheirRecord: sent },
  });
  // Storage is not transactional: the objects go once the row is gone for good.
  ctx.afterCommit(async () => {
    const { storage } = sendFaxRuntime(); // the storage the gateway jobs use (tests put in their own)
    await Promise.all(allDocumentPartKeys(document).map((key) => storage.delete(key)));
  });
  return { faxesKeepingTheirRecord: sent };
}
