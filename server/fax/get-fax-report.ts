/**
 * A fax's transmission report for the browser to open: the ciphertext and the copy of its key R
 * this person can open — their own (the sender) or, for organisation admins, the organisation's.
 * Platform admins are refused, as for documents: the report shows the first page.
 */
import { toBase64 } from "@/lib/crypto";
import type { KeyForMe } from "@/lib/documents/open-document-key";
import type { ActorContext } from "../db/run-in-scope";
import { documentTenantOf } from "../document/document-access";
import { myPublicKey } from "../document/document-view";
import { conflict, notFound } from "../errors";
import { StorageNotFoundError } from "../storage/object-storage";
import { faxJobAccess } from "./find-fax-job";
import { sendFaxRuntime } from "./send-fax-runtime";

export async function getFaxReport(opts: { ctx: ActorContext; id: string }) {
  const { ctx } = opts;
  const tenantId = documentTenantOf(ctx);
  const row = await ctx.db.faxJob.findFirst({
    where: { ...faxJobAccess(ctx, opts.id), tenantId },
    select: {
      userId: true,
      senderPublicKey: true,
      reportKey: true,
      reportSealedForUser: true,
      reportSealedForTenant: true,
      reportMadeAt: true,
    },
  });
  if (!row) throw notFound("Fax");
  if (!row.reportKey || !row.reportMadeAt) {
    throw conflict("This fax has no transmission report yet: it is made when the fax ends.");
  }
  let keyForMe: KeyForMe = null;
  // The sender's copy opens only with the key it was sealed to; after a reset they wait for a Grant.
  const myKey = row.userId === ctx.actor.id ? await myPublicKey(ctx) : null;
  if (row.userId === ctx.actor.id && row.reportSealedForUser && myKey && row.senderPublicKey === myKey) {
    keyForMe = { via: "owner", sealedKey: await toBase64(row.reportSealedForUser) };
  } else if (ctx.actor.role === "TENANT_ADMIN" && row.reportSealedForTenant) {
    keyForMe = { via: "tenant", sealedKey: await toBase64(row.reportSealedForTenant) };
  }
  let cipher: Buffer;
  try {
    const stream = await sendFaxRuntime().storage.get(row.reportKey);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
    cipher = Buffer.concat(chunks);
  } catch (error) {
    if (error instanceof StorageNotFoundError) throw notFound("Transmission report");
    throw error;
  }
  return { madeAt: row.reportMadeAt, keyForMe, cipher: await toBase64(cipher) };
}
