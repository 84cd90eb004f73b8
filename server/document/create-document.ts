/**
 * A new document: the browser made its key K, encrypted the name, sealed K to the owner and the
 * organisation, and sealed the conversion's keys (never K) to the gateway; the server keeps those and answers where to upload the ciphertext.
 */
import { randomUUID } from "node:crypto";
import type { DocumentCreateInput } from "@/lib/schemas/document";
import type { ActorContext } from "../db/run-in-scope";
import { badRequest, conflict } from "../errors";
import { sendFaxRuntime } from "../fax/send-fax-runtime";
import { readGatewayGrant } from "../gateway/read-gateway-grant";
import { documentTenantOf } from "./document-access";
import { documentStorageKey } from "./document-storage-keys";
import { readBytes, readSealedKey } from "./read-sealed-bytes";

export async function createDocument(opts: { ctx: ActorContext; input: DocumentCreateInput }) {
  const { ctx, input } = opts;
  const tenantId = documentTenantOf(ctx);
  const [me, tenant] = await Promise.all([
    ctx.db.user.findUniqueOrThrow({ where: { id: ctx.actor.id }, select: { publicKey: true } }),
    ctx.db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { publicKey: true } }),
  ]);
  if (!tenant.publicKey) {
    throw conflict("Your organisation's keys are not set up yet. Ask your organisation admin to sign in once.");
  }
  if (!me.publicKey) throw badRequest("Unlock your keys first (sign in again).");
  if (me.publicKey !== input.ownerKeyFor) {
    throw conflict("Your keys changed since this page was opened. Reload the page and upload again.");
  }
  const id = randomUUID();
  const document = await ctx.db.document.create({
    data: {
      id,
      tenantId,
      ownerId: ctx.actor.id,
      nameCipher: await readBytes(input.nameCipher, "name", "The document's name", (b) => b.length > 25 && b[0] === 1),
      kind: input.kind,
      quality: input.quality,
      sizeBytes: input.sizeBytes,
      storageKey: documentStorageKey(tenantId, id),
      ownerSealedKey: await readSealedKey(input.ownerSealedKey, "ownerSealedKey", "Your copy of the document key"),
      ownerKeyFor: me.publicKey,
      tenantSealedKey: await readSealedKey(
        input.tenantSealedKey,
        "tenantSealedKey",
        "The organisation's copy of the key",
      ),
      gatewaySealedKey: await readGatewayGrant({
        text: input.gatewaySealedKey,
        purpose: "convert",
        ring: sendFaxRuntime().gatewayKeys,
        field: "gatewaySealedKey",
      }),
    },
    select: { id: true },
  });
  await ctx.audit({
    tenantId,
    action: "document.create",
    entityType: "Document",
    entityId: document.id,
    details: { kind: input.kind, sizeBytes: input.sizeBytes, quality: input.quality },
  });
  return { id: document.id, uploadUrl: `/api/documents/${document.id}/content` };
}
