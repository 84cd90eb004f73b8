/**
 * A document's random key K, sealed to the owner and to the tenant (and, for one job, to the gateway).
 * K itself is never used directly: the content stream and typed names use subkeys derived from it, so
 * the two uses can never collide.
 */
import { CryptoError } from "./crypto-error";
import { openSealed, sealTo } from "./sealed-box";
import { loadSodium } from "./sodium";
import type { KeyPair } from "./user-keys";
import { packVersioned, unpackVersioned } from "./versioned-box";

const DOC_KDF_CONTEXT = "fxdocum1";
export const CONTENT_SUBKEY_ID = 1;
const NAME_SUBKEY_ID = 2;
/** The fax pages' key P: the document's fax renderings are content streams under P, not K. */
const PAGES_SUBKEY_ID = 3;
const NAME_VERSION = 1;
const NAME_AD = "faxport:document-name:v1";
const FAX_TITLE_AD = "faxport:fax-title:v1";

export async function newDocumentKey(): Promise<Uint8Array> {
  const sodium = await loadSodium();
  return sodium.crypto_kdf_keygen();
}

/** The per-use subkey of K (content or names). */
export async function documentSubkey(documentKey: Uint8Array, id: number): Promise<Uint8Array> {
  const sodium = await loadSodium();
  if (documentKey.length !== sodium.crypto_kdf_KEYBYTES)
    throw new CryptoError("bad-input", "A document key is 32 bytes.");
  return sodium.crypto_kdf_derive_from_key(32, id, DOC_KDF_CONTEXT, documentKey);
}

/**
 * P opens the fax renderings (fax-<quality>.tif/.pdf) and nothing else: the gateway is given P to send,
 * never K, so it cannot open the original or the name (DESIGN.md, attacker 4).
 */
export function pagesKey(documentKey: Uint8Array): Promise<Uint8Array> {
  return documentSubkey(documentKey, PAGES_SUBKEY_ID);
}

export function sealDocumentKey(documentKey: Uint8Array, recipientPublicKey: Uint8Array) {
  return sealTo(documentKey, recipientPublicKey);
}

export function openDocumentKey(sealed: Uint8Array, recipient: KeyPair) {
  return openSealed(sealed, recipient, "this document's key");
}

/** K sealed to the owner and to the tenant: what a new document stores. */
export async function sealDocumentKeyFor(documentKey: Uint8Array, owner: Uint8Array, tenant: Uint8Array) {
  return { forOwner: await sealDocumentKey(documentKey, owner), forTenant: await sealDocumentKey(documentKey, tenant) };
}

/**
 * Re-grant after a reset (or a hand-over): a tenant admin's browser opens the tenant's copy of K and
 * seals a fresh copy to the person's new public key. K, and so the stored content, never changes.
 */
export async function regrantDocumentKey(
  sealedForTenant: Uint8Array,
  tenant: KeyPair,
  newRecipientPublicKey: Uint8Array,
): Promise<Uint8Array> {
  const documentKey = await openDocumentKey(sealedForTenant, tenant);
  const sealed = await sealDocumentKey(documentKey, newRecipientPublicKey);
  (await loadSodium()).memzero(documentKey);
  return sealed;
}

/** Names people type (document name, cover note subject): version ‖ nonce ‖ XChaCha20-Poly1305. */
export function encryptName(name: string, documentKey: Uint8Array): Promise<Uint8Array> {
  return encryptText(name, documentKey, NAME_AD);
}

export function decryptName(sealed: Uint8Array, documentKey: Uint8Array): Promise<string> {
  return decryptText(sealed, documentKey, NAME_AD, "This name");
}

/**
 * A fax's title, typed on New fax (or the document's name when none is): under the fax's document
 * key like names, with its own associated data, so a name can never be passed off as a title.
 */
export function encryptFaxTitle(title: string, documentKey: Uint8Array): Promise<Uint8Array> {
  return encryptText(title, documentKey, FAX_TITLE_AD);
}

export function decryptFaxTitle(sealed: Uint8Array, documentKey: Uint8Array): Promise<string> {
  return decryptText(sealed, documentKey, FAX_TITLE_AD, "This title");
}

async function encryptText(text: string, documentKey: Uint8Array, ad: string): Promise<Uint8Array> {
  const sodium = await loadSodium();
  const key = await documentSubkey(documentKey, NAME_SUBKEY_ID);
  const nonce = sodium.randombytes_buf(sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  const box = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(text.normalize("NFC"), ad, null, nonce, key);
  sodium.memzero(key);
  return packVersioned(NAME_VERSION, nonce, box);
}

async function decryptText(sealed: Uint8Array, documentKey: Uint8Array, ad: string, what: string): Promise<string> {
  const sodium = await loadSodium();
  const { nonce, box } = unpackVersioned(sealed, {
    version: NAME_VERSION,
    nonceBytes: sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
    tagBytes: sodium.crypto_aead_xchacha20poly1305_ietf_ABYTES,
    what,
  });
  const key = await documentSubkey(documentKey, NAME_SUBKEY_ID);
  try {
    const plain = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, box, ad, nonce, key);
    return new TextDecoder("utf-8", { fatal: true }).decode(plain);
  } catch {
    throw new CryptoError("wrong-key-or-tampered", `${what} could not be decrypted: wrong key, or it was altered.`);
  } finally {
    sodium.memzero(key);
  }
}
