/**
 * Password → keys, in the browser (Bitwarden-style, adapted):
 *   master = Argon2id(password, per-user salt, params stored on the account)
 *   auth   = KDF(master, id 1)  — sent at sign-in; the server keeps only an Argon2id hash of it
 *   unlock = KDF(master, id 2)  — never leaves the browser; it opens the user's private key
 * Where we differ from Bitwarden: the salt is random per user (not the e-mail), so renaming a user or
 * an address changes nothing; and the split uses libsodium's BLAKE2b KDF rather than HKDF.
 */
import { z } from "zod";
import { CryptoError } from "./crypto-error";
import { fromBase64, toBase64 } from "./encoding";
import { loadSodium } from "./sodium";

const MIB = 1024 * 1024;
/** 64 MiB, 3 passes: ~0.2 s in WASM here — slow for a guesser, quick enough for a sign-in. */
export const DEFAULT_KDF = { opsLimit: 3, memLimit: 64 * MIB } as const;
const KDF_CONTEXT = "fxacct01"; // crypto_kdf contexts are exactly 8 characters
const AUTH_KEY_ID = 1;
const UNLOCK_KEY_ID = 2;
export const SALT_BYTES = 16; // crypto_pwhash_SALTBYTES

/** What the account stores next to the user and hands to whoever asks to sign in as them. */
export const kdfParamsSchema = z.object({
  algorithm: z.literal("argon2id13"),
  opsLimit: z.number().int().min(1).max(16),
  memLimit: z
    .number()
    .int()
    .min(8 * MIB)
    .max(1024 * MIB),
  salt: z.string().regex(/^[A-Za-z0-9_-]{22}$/, "salt must be 16 bytes in base64url"),
});
export type KdfParams = z.infer<typeof kdfParamsSchema>;

export type AccountKeys = { authKey: Uint8Array; unlockKey: Uint8Array };

/** Fresh parameters for a new account or a password change: a new random salt every time. */
export async function newKdfParams(cost: { opsLimit: number; memLimit: number } = DEFAULT_KDF): Promise<KdfParams> {
  const sodium = await loadSodium();
  const salt = await toBase64(sodium.randombytes_buf(SALT_BYTES));
  return kdfParamsSchema.parse({ algorithm: "argon2id13", opsLimit: cost.opsLimit, memLimit: cost.memLimit, salt });
}

/**
 * The same password typed on another keyboard (composed vs decomposed accents) must give the same
 * keys, so it is NFC-normalised first.
 */
export async function deriveMasterKey(password: string, params: KdfParams): Promise<Uint8Array> {
  const checked = kdfParamsSchema.safeParse(params);
  if (!checked.success) throw new CryptoError("bad-input", "The account's key parameters are not valid.");
  if (password.length === 0) throw new CryptoError("bad-input", "A password is required.");
  const sodium = await loadSodium();
  return sodium.crypto_pwhash(
    sodium.crypto_kdf_KEYBYTES,
    password.normalize("NFC"),
    await fromBase64(params.salt),
    params.opsLimit,
    params.memLimit,
    sodium.crypto_pwhash_ALG_ARGON2ID13,
  );
}

/** Splits a master key into the auth key and the unlock key; the master key is wiped. */
export async function splitMasterKey(master: Uint8Array): Promise<AccountKeys> {
  const sodium = await loadSodium();
  const authKey = sodium.crypto_kdf_derive_from_key(32, AUTH_KEY_ID, KDF_CONTEXT, master);
  const unlockKey = sodium.crypto_kdf_derive_from_key(32, UNLOCK_KEY_ID, KDF_CONTEXT, master);
  sodium.memzero(master);
  return { authKey, unlockKey };
}

/** Password + stored params → { authKey, unlockKey }; the one call a sign-in form needs. */
export async function deriveAccountKeys(password: string, params: KdfParams): Promise<AccountKeys> {
  return splitMasterKey(await deriveMasterKey(password, params));
}
