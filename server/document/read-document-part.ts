/** A stored part of a document (GET /api/documents/<id>/<part>): ciphertext only, to its owner or an admin. */
import type { Readable } from "node:stream";
import type { DocumentPart } from "@/lib/schemas/document";
import type { ActorContext } from "../db/run-in-scope";
import { notFound } from "../errors";
import { sendFaxRuntime } from "../fax/send-fax-runtime";
import { StorageNotFoundError } from "../storage/object-storage";
import { documentAccess } from "./document-access";
import { documentPartKey } from "./document-storage-keys";

export async function findDocumentPartKey(ctx: ActorContext, id: string, part: DocumentPart): Promise<string> {
  const document = await ctx.db.document.findFirst({
    where: documentAccess(ctx, id),
    select: { storageKey: true, status: true },
  });
  if (!document) throw notFound("Document");
  if (part !== "original" && document.status !== "READY") throw notFound("Document part");
  return documentPartKey(document, part);
}

export async function openDocumentPart(key: string): Promise<Readable> {
  try {
    return await sendFaxRuntime().storage.get(key);
  } catch (error) {
    if (error instanceof StorageNotFoundError) throw notFound("Document part");
    throw error;
  }
}
