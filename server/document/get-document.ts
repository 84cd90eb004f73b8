import type { ActorContext } from "../db/run-in-scope";
import { notFound } from "../errors";
import { documentAccess } from "./document-access";
import { DOCUMENT_VIEW_SELECT, documentView, myPublicKey } from "./document-view";

export async function getDocument(opts: { ctx: ActorContext; id: string }) {
  const { ctx, id } = opts;
  const [row, publicKey] = await Promise.all([
    ctx.db.document.findFirst({ where: documentAccess(ctx, id), select: DOCUMENT_VIEW_SELECT }),
    myPublicKey(ctx),
  ]);
  if (!row) throw notFound("Document");
  return documentView(ctx, row, publicKey);
}
