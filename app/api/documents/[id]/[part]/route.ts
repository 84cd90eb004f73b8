/** A document's stored parts, as ciphertext: the browser holds the only keys that open them. */
import { Readable } from "node:stream";
import { z } from "zod";
import { documentPartSchema } from "@/lib/schemas/document";
import { findDocumentPartKey, openDocumentPart } from "@/server/document/read-document-part";
import { notFound } from "@/server/errors";
import { handleRoute } from "@/server/http/domain-error-response";
import { inSignedInScope } from "@/server/http/signed-in-route";

export const GET = handleRoute(async (request: Request, context: { params: Promise<{ id: string; part: string }> }) => {
  const params = await context.params;
  const id = z.uuid().safeParse(params.id);
  const part = documentPartSchema.safeParse(params.part);
  if (!id.success || !part.success) throw notFound("Document part");
  const key = await inSignedInScope(request, { write: false }, (ctx) => findDocumentPartKey(ctx, id.data, part.data));
  const stream = await openDocumentPart(key);
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      "Content-Type": "application/octet-stream",
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
