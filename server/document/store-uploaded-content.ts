/**
 * The upload of a document's ciphertext (PUT /api/documents/<id>/content). Checked, streamed to
 * storage outside any transaction (a 50 MB upload must not hold a database connection), then marked
 * PROCESSING with the conversion event in one transaction. Only the owner, only once.
 */
import { Readable } from "node:stream";
import { MAX_DOCUMENT_CIPHER_BYTES } from "@/lib/documents/document-limits";
import { sendEvent } from "@/server/job/send-event";
import type { ActorContext } from "../db/run-in-scope";
import { badRequest, conflict, DomainError, notFound } from "../errors";
import { sendFaxRuntime } from "../fax/send-fax-runtime";
import { documentUploadedEvent } from "./document-uploaded-event";

type InScope = <T>(write: boolean, work: (ctx: ActorContext) => Promise<T>) => Promise<T>;

class TooLarge extends Error {}

/** Counts bytes on the way through and stops at the limit. */
async function* limited(body: AsyncIterable<Uint8Array>, max: number, counted: { bytes: number }) {
  for await (const chunk of body) {
    counted.bytes += chunk.length;
    if (counted.bytes > max) throw new TooLarge();
    yield chunk;
  }
}

export async function storeUploadedContent(opts: {
  documentId: string;
  body: ReadableStream<Uint8Array> | null;
  contentLength: number | null;
  inScope: InScope;
}) {
  const { documentId, inScope } = opts;
  const tooLarge = () => new DomainError("BAD_REQUEST", "The file is larger than documents may be (50 MB).");
  if (opts.contentLength !== null && opts.contentLength > MAX_DOCUMENT_CIPHER_BYTES) throw tooLarge();
  const document = await inScope(false, async (ctx) => {
    const row = await ctx.db.document.findFirst({
      where: { id: documentId, tenantId: ctx.actor.tenantId ?? "", ownerId: ctx.actor.id },
      select: { id: true, status: true, storageKey: true },
    });
    if (!row) throw notFound("Document");
    if (row.status !== "UPLOADING") throw conflict("This document has already been uploaded.");
    return row;
  });
  if (!opts.body) throw badRequest("The upload had no content.");
  const counted = { bytes: 0 };
  const { storage } = sendFaxRuntime();
  try {
    await storage.put(
      document.storageKey,
      Readable.from(limited(opts.body as unknown as AsyncIterable<Uint8Array>, MAX_DOCUMENT_CIPHER_BYTES, counted)),
    );
  } catch (error) {
    await storage.delete(document.storageKey).catch(() => {});
    if (error instanceof TooLarge) throw tooLarge();
    throw error;
  }
  if (counted.bytes === 0) {
    await storage.delete(document.storageKey);
    throw badRequest("The upload had no content.");
  }
  return inScope(true, async (ctx) => {
    const marked = await ctx.db.document.updateMany({
      where: { id: document.id, status: "UPLOADING" },
      data: { status: "PROCESSING", cipherBytes: counted.bytes },
    });
    if (marked.count !== 1) throw conflict("This document has already been uploaded.");
    await sendEvent(ctx, documentUploadedEvent(document.id));
    return { status: "PROCESSING" as const };
  });
}
