/** A new name, encrypted in the browser under the same document key; the server never sees either name. */
import type { ActorContext } from "../db/run-in-scope";
import { notFound } from "../errors";
import { documentAccess } from "./document-access";
import { readBytes } from "./read-sealed-bytes";

export async function renameDocument(opts: { ctx: ActorContext; input: { id: string; nameCipher: string } }) {
  const { ctx, input } = opts;
  const document = await ctx.db.document.findFirst({
    where: documentAccess(ctx, input.id),
    select: { id: true, tenantId: true },
  });
  if (!document) throw notFound("Document");
  const nameCipher = await readBytes(input.nameCipher, "name", "The new name", (b) => b.length > 25 && b[0] === 1);
  await ctx.db.document.update({ where: { id: document.id }, data: { nameCipher } });
  await ctx.audit({
    tenantId: document.tenantId,
    action: "document.rename",
    entityType: "Document",
    entityId: document.id,
  });
}
