/**
 * Grant after a reset, for documents and transmission reports: the person's copies of their keys
 * were sealed to a key pair they no longer have. A tenant admin's browser opens each key through the
 * organisation's copy and seals it to the person's new public key; this stores those copies in the
 * grant's transaction. Everything that needs it must be covered, so nobody is left half-granted.
 */
import { toBase64 } from "@/lib/crypto";
import type { ActorContext } from "../db/run-in-scope";
import { badRequest } from "../errors";
import { readSealedKey } from "./read-sealed-bytes";

export const MAX_REGRANT_DOCUMENTS = 5000;

export type RegrantItem = { id: string; kind: "document" | "report"; tenantSealedKey: string };

/**
 * The person's documents whose owner copy does not open with their current key, then their faxes'
 * reports sealed for another key of theirs (the key they had when they sent), each with the
 * organisation's copy to open.
 */
export async function documentsToRegrant(opts: {
  ctx: ActorContext;
  tenantId: string;
  userId: string;
}): Promise<RegrantItem[]> {
  const { db } = opts.ctx;
  const person = await db.user.findFirst({
    where: { id: opts.userId, tenantId: opts.tenantId },
    select: { publicKey: true },
  });
  if (!person?.publicKey) return [];
  const documents = await db.document.findMany({
    where: { tenantId: opts.tenantId, ownerId: opts.userId, ownerKeyFor: { not: person.publicKey } },
    select: { id: true, tenantSealedKey: true },
    orderBy: { createdAt: "asc" },
    take: MAX_REGRANT_DOCUMENTS,
  });
  const reports = await db.faxJob.findMany({
    where: {
      tenantId: opts.tenantId,
      userId: opts.userId,
      reportMadeAt: { not: null },
      reportSealedForTenant: { not: null },
      OR: [{ senderPublicKey: null }, { senderPublicKey: { not: person.publicKey } }],
    },
    select: { id: true, reportSealedForTenant: true },
    orderBy: { submittedAt: "asc" },
    take: MAX_REGRANT_DOCUMENTS,
  });
  return [
    ...(await Promise.all(
      documents.map(async (d) => ({
        id: d.id,
        kind: "document" as const,
        tenantSealedKey: await toBase64(d.tenantSealedKey),
      })),
    )),
    ...(await Promise.all(
      reports.map(async (r) => ({
        id: r.id,
        kind: "report" as const,
        tenantSealedKey: await toBase64(r.reportSealedForTenant!),
      })),
    )),
  ];
}

export async function storeRegrantedDocumentKeys(opts: {
  ctx: ActorContext;
  tenantId: string;
  userId: string;
  forPublicKey: string;
  documentKeys: { documentId: string; sealedKey: string }[];
  reportKeys?: { faxJobId: string; sealedKey: string }[];
}) {
  const { ctx } = opts;
  const needed = await documentsToRegrant({ ctx, tenantId: opts.tenantId, userId: opts.userId });
  const given = new Map<string, string>([
    ...opts.documentKeys.map((d) => [`document:${d.documentId}`, d.sealedKey] as const),
    ...(opts.reportKeys ?? []).map((r) => [`report:${r.faxJobId}`, r.sealedKey] as const),
  ]);
  const missing = needed.filter((d) => !given.has(`${d.kind}:${d.id}`));
  if (missing.length > 0) {
    const reports = missing.filter((m) => m.kind === "report").length;
    const documents = missing.length - reports;
    const parts = [
      documents ? `${documents} of this person's documents` : null,
      reports ? `${reports} of their transmission reports` : null,
    ].filter(Boolean);
    throw badRequest(
      `${parts.join(" and ")} were not re-sealed. Reload the page and grant again.`,
      reports && !documents ? "reportKeys" : "documentKeys",
    );
  }
  for (const item of needed) {
    const field = item.kind === "document" ? "documentKeys" : "reportKeys";
    const sealed = await readSealedKey(given.get(`${item.kind}:${item.id}`)!, field, "A re-sealed key");
    if (item.kind === "document") {
      await ctx.db.document.updateMany({
        where: { id: item.id, tenantId: opts.tenantId, ownerId: opts.userId },
        data: { ownerSealedKey: sealed, ownerKeyFor: opts.forPublicKey },
      });
    } else {
      await ctx.db.faxJob.updateMany({
        where: { id: item.id, tenantId: opts.tenantId, userId: opts.userId },
        data: { reportSealedForUser: sealed, senderPublicKey: opts.forPublicKey },
      });
    }
  }
  // Faxes still under way: their reports, when made, are sealed to the key just granted.
  await ctx.db.faxJob.updateMany({
    where: { tenantId: opts.tenantId, userId: opts.userId, reportMadeAt: null },
    data: { senderPublicKey: opts.forPublicKey },
  });
  return {
    documents: needed.filter((n) => n.kind === "document").length,
    reports: needed.filter((n) => n.kind === "report").length,
  };
}
