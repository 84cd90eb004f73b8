/** Upload of a document's ciphertext (the browser encrypted it; see server/document/store-uploaded-content.ts). */
import { z } from "zod";
import { storeUploadedContent } from "@/server/document/store-uploaded-content";
import { badRequest } from "@/server/errors";
import { handleRoute } from "@/server/http/domain-error-response";
import { checkSameOrigin } from "@/server/http/same-origin";
import { inSignedInScope } from "@/server/http/signed-in-route";

export const PUT = handleRoute(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const verdict = checkSameOrigin(request, {}, "bytes");
  if (!verdict.ok) return Response.json({ error: { message: verdict.message } }, { status: 403 });
  const id = z.uuid().safeParse((await context.params).id);
  if (!id.success) throw badRequest("Not a valid document id.");
  const length = request.headers.get("content-length");
  const result = await storeUploadedContent({
    documentId: id.data,
    body: request.body,
    contentLength: length ? Number(length) : null,
    inScope: (write, work) => inSignedInScope(request, { write }, work),
  });
  return Response.json(result);
});
