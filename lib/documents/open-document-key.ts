/**
 * Opens a document's key K in the browser from the copy the server handed this person: their own
 * (sealed to their public key) or, for organisation admins, the organisation's (opened with the
 * organisation key, itself opened with their own key). Null: waiting for access.
 */
import { openMyTenantKey } from "../auth/tenant-access";
import { openDocumentKey } from "../crypto/document-key";
import { fromBase64 } from "../crypto/encoding";
import type { KeyPair } from "../crypto/user-keys";

export type KeyForMe = { via: "owner" | "tenant"; sealedKey: string } | null;
export type TenantCopy = { tenantPublicKey: string | null; mySealedKey: string | null };

// Opened organisation keys, per unlocked private key: forgotten with it (sign-out, lock, timeout).
const tenantKeysByMe = new WeakMap<Uint8Array, Map<string, Promise<KeyPair>>>();

export async function openDocumentKeyFor(keyForMe: KeyForMe, me: KeyPair, tenant: TenantCopy): Promise<Uint8Array> {
  if (!keyForMe) throw new Error("You are waiting for access to this document.");
  const sealed = await fromBase64(keyForMe.sealedKey);
  if (keyForMe.via === "owner") return openDocumentKey(sealed, me);
  if (!tenant.tenantPublicKey || !tenant.mySealedKey) throw new Error("You do not hold the organisation's key.");
  const cacheKey = `${tenant.tenantPublicKey}:${tenant.mySealedKey}`;
  let tenantKeys = tenantKeysByMe.get(me.privateKey);
  if (!tenantKeys) {
    tenantKeys = new Map();
    tenantKeysByMe.set(me.privateKey, tenantKeys);
  }
  let opening = tenantKeys.get(cacheKey);
  if (!opening) {
    opening = openMyTenantKey({ tenantPublicKey: tenant.tenantPublicKey, sealedKey: tenant.mySealedKey }, me);
    tenantKeys.set(cacheKey, opening);
    opening.catch(() => tenantKeys?.delete(cacheKey));
  }
  return openDocumentKey(sealed, await opening);
}
