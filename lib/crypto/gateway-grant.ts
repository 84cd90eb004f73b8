/**
 * What a browser hands the trunk gateway for one job, sealed to one of the gateway's rotating keys
 * (server/gateway/gateway-key-ring.ts). Never the document key K: a send gets the pages key P only
 * (it opens the fax renderings, nothing else); a conversion gets the original's stream key and P
 * (it must read the original and write the renderings), never the name's key.
 *
 * Blob: version 2 ‖ gateway key id (16) ‖ crypto_box_seal(purpose (1) ‖ keys). The key id is plain so
 * the gateway knows which of its keys opens it — and, once that key is destroyed, every copy of the
 * blob (rows, WAL, backups) is noise.
 */
import { contentStreamKey } from "./content-stream";
import { CryptoError } from "./crypto-error";
import { pagesKey } from "./document-key";
import { loadSodium } from "./sodium";
import type { KeyPair } from "./user-keys";

export const GATEWAY_GRANT_VERSION = 2;
export const GATEWAY_KEY_ID_BYTES = 16;
const PURPOSES = { send: 1, convert: 2 } as const;
export type GatewayPurpose = keyof typeof PURPOSES;
const KEY_BYTES = { send: 32, convert: 64 } as const;

/** The size of a grant's blob, for the server to check what it stores without opening it. */
export function gatewayGrantBytes(purpose: GatewayPurpose): number {
  return 1 + GATEWAY_KEY_ID_BYTES + 48 + 1 + KEY_BYTES[purpose]; // 48: crypto_box_SEALBYTES
}

export type GatewayPublicKey = { keyId: Uint8Array; publicKey: Uint8Array };
export type GatewayKeys = { pagesKey: Uint8Array; originalStreamKey: Uint8Array | null };

export async function sealGatewayGrant(
  documentKey: Uint8Array,
  purpose: GatewayPurpose,
  gateway: GatewayPublicKey,
): Promise<Uint8Array> {
  const sodium = await loadSodium();
  if (gateway.keyId.length !== GATEWAY_KEY_ID_BYTES || gateway.publicKey.length !== sodium.crypto_box_PUBLICKEYBYTES) {
    throw new CryptoError("bad-input", "The fax gateway's key is not valid.");
  }
  const P = await pagesKey(documentKey);
  const plain = new Uint8Array(1 + KEY_BYTES[purpose]);
  plain[0] = PURPOSES[purpose];
  plain.set(P, 1);
  sodium.memzero(P);
  if (purpose === "convert") {
    const S = await contentStreamKey(documentKey);
    plain.set(S, 33);
    sodium.memzero(S);
  }
  const box = sodium.crypto_box_seal(plain, gateway.publicKey);
  sodium.memzero(plain);
  const out = new Uint8Array(1 + GATEWAY_KEY_ID_BYTES + box.length);
  out[0] = GATEWAY_GRANT_VERSION;
  out.set(gateway.keyId, 1);
  out.set(box, 1 + GATEWAY_KEY_ID_BYTES);
  return out;
}

/** The gateway key id a grant was sealed to (null when the blob is not a grant). */
export function gatewayGrantKeyId(blob: Uint8Array): Uint8Array | null {
  if (blob.length < 1 + GATEWAY_KEY_ID_BYTES || blob[0] !== GATEWAY_GRANT_VERSION) return null;
  return blob.slice(1, 1 + GATEWAY_KEY_ID_BYTES);
}

/**
 * Opens a grant for `purpose` with the gateway's key `keyFor(keyId)` — null when that key was
 * destroyed (its jobs ended or it expired): then nothing can open it any more.
 */
export async function openGatewayGrant(
  blob: Uint8Array,
  purpose: GatewayPurpose,
  keyFor: (keyId: Uint8Array) => Promise<KeyPair | null>,
): Promise<GatewayKeys> {
  const sodium = await loadSodium();
  const keyId = gatewayGrantKeyId(blob);
  if (!keyId || blob.length !== gatewayGrantBytes(purpose)) {
    throw new CryptoError(
      "bad-format",
      "The document's key for the fax gateway is not in a format this version understands.",
    );
  }
  const pair = await keyFor(keyId);
  if (!pair) {
    throw new CryptoError(
      "wrong-key-or-tampered",
      "The fax gateway's key for this job no longer exists (the job waited too long). Send the fax again.",
    );
  }
  let plain: Uint8Array;
  try {
    plain = sodium.crypto_box_seal_open(blob.subarray(1 + GATEWAY_KEY_ID_BYTES), pair.publicKey, pair.privateKey);
  } catch {
    throw new CryptoError(
      "wrong-key-or-tampered",
      "The fax gateway's key does not open this document's key, or it was altered.",
    );
  }
  try {
    if (plain[0] !== PURPOSES[purpose]) {
      throw new CryptoError("bad-input", "This document's key was given to the fax gateway for another job.");
    }
    return {
      pagesKey: plain.slice(1, 33),
      originalStreamKey: purpose === "convert" ? plain.slice(33, 65) : null,
    };
  } finally {
    sodium.memzero(plain);
  }
}
