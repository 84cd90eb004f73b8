/**
 * Seals a document's keys for the fax gateway for one job, to the gateway's current key: a send gets
 * the pages key only, a conversion the original's stream key and the pages key — never K itself.
 */
import { fromBase64, toBase64 } from "../crypto/encoding";
import { type GatewayPurpose, sealGatewayGrant } from "../crypto/gateway-grant";
import type { KeyPair } from "../crypto/user-keys";
import { type KeyForMe, openDocumentKeyFor, type TenantCopy } from "./open-document-key";

/** What `fax.gatewayKey` answers: the gateway's current key and its id (both base64url). */
export type GatewayKeyText = { keyId: string; publicKey: string };

export async function sealGrantWithKey(documentKey: Uint8Array, purpose: GatewayPurpose, gateway: GatewayKeyText) {
  const sealed = await sealGatewayGrant(documentKey, purpose, {
    keyId: await fromBase64(gateway.keyId),
    publicKey: await fromBase64(gateway.publicKey),
  });
  return toBase64(sealed);
}

export async function sealForGateway(keyForMe: KeyForMe, me: KeyPair, tenant: TenantCopy, gateway: GatewayKeyText) {
  const K = await openDocumentKeyFor(keyForMe, me, tenant);
  try {
    return await sealGrantWithKey(K, "send", gateway);
  } finally {
    K.fill(0);
  }
}

/** The gateway's key rotates (server/gateway/gateway-key-ring.ts): a page re-reads it after a minute. */
export const GATEWAY_KEY_FRESH_MS = 60_000;
