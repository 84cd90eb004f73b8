/**
 * What a browser sends instead of a password (shared by the forms, the server's input schemas and
 * the tests, so all derive keys one way). The password stays in the browser: from it and the
 * account's KDF parameters come the auth key (sent, base64url) and the unlock key (kept).
 */
import { z } from "zod";
import { toBase64 } from "../crypto/encoding";
import { type AccountKeys, deriveAccountKeys, type KdfParams, kdfParamsSchema } from "../crypto/key-schedule";
import { newStoredKeys } from "./account-keys";

/** 32 bytes in base64url: all a sign-in or a new password puts on the wire. */
export const authKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, "The browser did not send a valid key. Reload the page and try again.")
  .meta({ examples: ["AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"] });

const SAMPLE_KDF = { algorithm: "argon2id13", opsLimit: 1, memLimit: 8 * 1024 * 1024, salt: "AAAAAAAAAAAAAAAAAAAAAA" };

/** A person's key pair as stored: public key plain, private key sealed with their unlock key. */
export const storedKeysSchema = z
  .object({
    publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "A public key is 32 bytes in base64url."),
    // version (1) ‖ nonce (24) ‖ secretbox of 32 bytes (48) = 73 bytes
    sealedPrivateKey: z.string().regex(/^[A-Za-z0-9_-]{98}$/, "A sealed private key is 73 bytes in base64url."),
  })
  .meta({ examples: [{ publicKey: "A".repeat(43), sealedPrivateKey: "A".repeat(98) }] });
export type StoredKeys = z.infer<typeof storedKeysSchema>;

/** An X25519 public key (a tenant's or a person's), base64url. */
export const publicKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, "A public key is 32 bytes in base64url.")
  .meta({ examples: ["A".repeat(43)] });

/** The tenant private key sealed to someone: version (1) ‖ crypto_box_seal of 32 bytes (80) = 81 bytes. */
export const sealedTenantKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{108}$/, "A sealed organisation key is 81 bytes in base64url.")
  .meta({ examples: ["A".repeat(108)] });

/**
 * A new password as the server receives it: the auth key, the parameters it was derived with, and
 * the person's key pair sealed with the new unlock key (the same pair re-sealed on a change of
 * one's own password; a fresh pair on a reset or when an admin sets it).
 */
export const newCredentialsSchema = z
  .object({ authKey: authKeySchema, kdf: kdfParamsSchema, keys: storedKeysSchema })
  .meta({
    examples: [
      {
        authKey: "A".repeat(43),
        kdf: SAMPLE_KDF,
        keys: { publicKey: "A".repeat(43), sealedPrivateKey: "A".repeat(98) },
      },
    ],
  });
export type NewCredentials = z.infer<typeof newCredentialsSchema>;

export type DerivedCredentials = { authKey: string; unlockKey: Uint8Array; keys: AccountKeys };

/** Password + the account's parameters → the auth key to send (and the unlock key to keep). */
export async function deriveCredentials(password: string, kdf: KdfParams): Promise<DerivedCredentials> {
  const keys = await deriveAccountKeys(password, kdf);
  return { authKey: await toBase64(keys.authKey), unlockKey: keys.unlockKey, keys };
}

/** A new password for an account with a fresh key pair: what the seed and tests use. */
export async function newCredentials(password: string, kdf: KdfParams): Promise<NewCredentials> {
  const { authKey, unlockKey } = await deriveCredentials(password, kdf);
  const { stored } = await newStoredKeys(unlockKey);
  unlockKey.fill(0);
  return { authKey, kdf, keys: stored };
}
