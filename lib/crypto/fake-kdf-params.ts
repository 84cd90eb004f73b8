/**
 * Server side only. Sign-in first asks for a username's KDF params; answering "no such user" would tell
 * anyone who has an account. For an unknown username we answer with params that look real and never
 * change for that name: the salt is a keyed hash of the username under a server secret, so nobody
 * without the secret can tell it from a random salt, and asking twice gives the same answer.
 */

import { CryptoError } from "./crypto-error";
import { toBase64 } from "./encoding";
import { DEFAULT_KDF, type KdfParams, kdfParamsSchema, SALT_BYTES } from "./key-schedule";
import { loadSodium } from "./sodium";

export async function fakeKdfParams(
  serverSecret: string,
  username: string,
  cost: { opsLimit: number; memLimit: number } = DEFAULT_KDF,
): Promise<KdfParams> {
  if (serverSecret.length < 32) throw new CryptoError("bad-input", "The server secret must be 32+ characters.");
  const sodium = await loadSodium();
  const key = sodium.crypto_generichash(32, `faxport:fake-kdf-key:v1:${serverSecret}`, null);
  const salt = sodium.crypto_generichash(SALT_BYTES, `faxport:fake-salt:v1:${username.trim().toLowerCase()}`, key);
  sodium.memzero(key);
  return kdfParamsSchema.parse({
    algorithm: "argon2id13",
    opsLimit: cost.opsLimit,
    memLimit: cost.memLimit,
    salt: await toBase64(salt),
  });
}
