/**
 * How costly the browser's password hashing is for new passwords. Production keeps the strong
 * default (Argon2id, 64 MiB, 3 passes: ~0.2 s in WASM); tests and the e2e portal set
 * FAXPORT_KDF_OPS=1 and FAXPORT_KDF_MEM_MIB=8 so a sign-in costs milliseconds.
 * Parameters are stored per account, so changing these affects only passwords chosen afterwards.
 */
import { randomBytes } from "node:crypto";
import { fakeKdfParams } from "@/lib/crypto/fake-kdf-params";
import { DEFAULT_KDF, type KdfParams, kdfParamsSchema } from "@/lib/crypto/key-schedule";
import { badRequest } from "../errors";

const MIB = 1024 * 1024;

export function kdfCost(): { opsLimit: number; memLimit: number } {
  const ops = Number(process.env.FAXPORT_KDF_OPS ?? DEFAULT_KDF.opsLimit);
  const mem = Number(process.env.FAXPORT_KDF_MEM_MIB ?? DEFAULT_KDF.memLimit / MIB);
  return { opsLimit: ops, memLimit: mem * MIB };
}

/** A fresh random salt (base64url, 16 bytes) for an account that has none yet. */
export function newSalt(): string {
  return randomBytes(16).toString("base64url");
}

/** The parameters a new password of this account must be derived with: its salt, today's cost. */
export function paramsForNewPassword(user: { kdfSalt: string | null }): KdfParams {
  return kdfParamsSchema.parse({ algorithm: "argon2id13", ...kdfCost(), salt: user.kdfSalt ?? newSalt() });
}

/** The parameters stored on an account, or null when it has no password in this scheme yet. */
export function storedParams(user: {
  kdfSalt: string | null;
  kdfOpsLimit: number | null;
  kdfMemLimit: number | null;
}): KdfParams | null {
  if (!user.kdfSalt || !user.kdfOpsLimit || !user.kdfMemLimit) return null;
  return { algorithm: "argon2id13", opsLimit: user.kdfOpsLimit, memLimit: user.kdfMemLimit, salt: user.kdfSalt };
}

/** Params for a name nobody has: the same for every asking, shaped like a real account's. */
export function decoyParams(realm: string, login: string): Promise<KdfParams> {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set");
  return fakeKdfParams(secret, `${realm}:${login}`, kdfCost());
}

/**
 * Checks what a browser used for a new password: the account's own salt (history compares auth
 * keys, which only works with one salt) and at least today's cost (a weak one is refused).
 */
export function assertNewPasswordParams(user: { kdfSalt: string | null }, kdf: KdfParams): void {
  const cost = kdfCost();
  if (user.kdfSalt && kdf.salt !== user.kdfSalt) throw badRequest("The page is out of date. Reload it and try again.");
  if (kdf.opsLimit < cost.opsLimit || kdf.memLimit < cost.memLimit) {
    throw badRequest("The page is out of date. Reload it and try again.");
  }
}

/** The columns a new password writes. */
export const kdfColumns = (kdf: KdfParams) => ({
  kdfSalt: kdf.salt,
  kdfOpsLimit: kdf.opsLimit,
  kdfMemLimit: kdf.memLimit,
});
