/**
 * Sign-in step one: the KDF parameters the browser needs to turn the typed password into an auth
 * key. A name nobody has (or an account with no password yet) gets decoy parameters of the same
 * shape and cost that never change for that name, so the answer tells nobody who exists.
 */
import type { KdfParams } from "@/lib/crypto/key-schedule";
import type { HostContext } from "../tenant/resolve-tenant";
import { findSignInUser, normaliseLogin, realmOf } from "./find-sign-in-user";
import { decoyParams, storedParams } from "./kdf-settings";

export async function signInParams(opts: { host: HostContext; username: string }): Promise<KdfParams> {
  const login = normaliseLogin(opts.username);
  const user = await findSignInUser(opts.host, login);
  return (user && storedParams(user)) ?? decoyParams(realmOf(opts.host), login);
}
