/** Opens a document's key and seals it to the fax gateway for one send (or resend) only. */
import { sealDocumentKey } from "../crypto/document-key";
import { fromBase64, toBase64 } from "../crypto/encoding";
import type { KeyPair } from "../crypto/user-keys";
import { type KeyForMe, openDocumentKeyFor, type TenantCopy } from "./open-document-key";

export async function sealForGateway(keyForMe: KeyForMe, me: KeyPair, tenant: TenantCopy, gatewayPublicKey: string) {
  const K = await openDocumentKeyFor(keyForMe, me, tenant);
  try {
    return await toBase64(await sealDocumentKey(K, await fromBase64(gatewayPublicKey)));
  } finally {
    K.fill(0);
  }
}
