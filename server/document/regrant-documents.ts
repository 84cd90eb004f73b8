/**
 * Grant after a reset, for documents: the person's copies of their document keys were sealed to a
 * key pair they no longer have. A tenant admin's browser opens each key through the organisation's
 * copy and seals it to the person's new public key; this stores those copies in the grant's
 * transaction. Every document that needs it must be covered, so nobody is left half-granted.
 */
import { toBase64 } from "@/lib/crypto";
import type { ActorContext } from "../db/run-in-scope";
import { badRequest } from "../errors";
import { readSealedKey } from "./read-sealed-bytes";

export const MAX_REGRANT_DOCUMENTS = 5000;

/** The person's documents whose owner copy does not open with their current key. */
export async function documentsToRegrant(opts: { ctx: ActorContext; tenantId: string; userId: string }) {
  const person = await opts.ctx.db.user.findFirst({
    where: { id: opts.userId, tenantId: opts.tenantId },
    select: { publicKey: true },
  });
  if (!person?.publicKey) return [];
  const rows = await opts.ctx.db.document.findMany({
    where: { tenantId: opts.tenantId, ownerId: opts.userId, ownerKeyFor: { not: person.publicKey } },
    select: { id: true, tenantSealedKey: true },
    orderBy: { createdAt: "asc" },
    take: MAX_REGRANT_DOCUMENTS,
  });
  return Promise.all(rows.map(async (r) => ({ id: r.id, tenantSealedKey: await toBase64(r.tenantSealedKey) })));
}

export async function storeRegrantedDocumentKeys(opts: {
  ctx: ActorContext;
  tenantId: string;
  userId: string;
  forPublicKey: string;
  documentKeys: { documentId: string; sealedKey: string }[];
}) {
  const { ctx } = opts;
  const needed = await documentsToRegrant({ ctx, tenantId: opts.tenantId, userId: opts.userId });
  const given = new Map(opts.documentKeys.map((d) => [d.documentId, d.sealedKey]));
  const missing = needed.filter((d) => !given.has(d.id)).length;
  if (missing > 0) {
    throw badRequest(
      `${missing} of this person's documents were not re-sealed. Reload the page and grant again.`,
      "documentKeys",
    );
  }
  for (const { id } of needed) {
    const sealed = await readSealedKey(given.get(id)!, "documentKeys", "A re-sealed document key");
    await ctx.db.document.updateMany({
      where: { id, tenantId: opts.tenantId, ownerId: opts.userId },
      data: { ownerSealedKey: sealed, ownerKeyFor: opts.forPublicKey },
    });
  }
  return needed.length;
}
