/**
 * Argon2id hashes of auth keys (OWASP's recommended parameters: 19 MiB, 2 passes). The server never
 * sees a password: the browser derives an auth key from it (lib/auth/credentials.ts) and that key is
 * what is hashed and verified here. Hashing it again means a stolen table cannot be replayed as
 * sign-ins.
 */
import { hash, verify } from "@node-rs/argon2";

const PARAMS = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashAuthKey(authKey: string): Promise<string> {
  return hash(authKey, PARAMS);
}

export async function verifyAuthKey(hashed: string, authKey: string): Promise<boolean> {
  try {
    return await verify(hashed, authKey);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so timing does not reveal it. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashAuthKey("faxport-timing-equaliser");
  return dummy;
}
