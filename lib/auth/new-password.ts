/**
 * A new password, in the browser: first the rules that need the password itself (length, kinds of
 * characters, no part of the person's name — the server cannot check these any more), then the
 * credentials to send, with the person's key pair sealed under the new unlock key. Used by every
 * form where a password is chosen or set.
 */
import type { KdfParams } from "../crypto/key-schedule";
import type { KeyPair } from "../crypto/user-keys";
import {
  describeProblems,
  type PasswordOwner,
  type PasswordPolicy,
  type PersonalInfo,
  passwordProblems,
} from "../password-policy";
import { newStoredKeys, resealStoredKeys } from "./account-keys";
import { type DerivedCredentials, deriveCredentials, type NewCredentials } from "./credentials";

export type NewPasswordResult =
  | { ok: true; credentials: NewCredentials; derived: DerivedCredentials }
  | { ok: false; message: string };

export async function prepareNewPassword(opts: {
  password: string;
  policy: PasswordPolicy;
  person: PersonalInfo;
  /** "them" when an admin sets someone else's password: the rules then say "their name". */
  owner?: PasswordOwner;
  kdf: KdfParams;
  /** Changing one's own password: the unlocked pair to re-seal. Otherwise a fresh pair is made. */
  keepPair?: KeyPair;
}): Promise<NewPasswordResult> {
  const problems = passwordProblems(opts.password, opts.policy, opts.person, opts.owner);
  if (problems.length) return { ok: false, message: describeProblems(problems) };
  const derived = await deriveCredentials(opts.password, opts.kdf);
  const keys = opts.keepPair
    ? await resealStoredKeys(opts.keepPair, derived.unlockKey)
    : (await newStoredKeys(derived.unlockKey)).stored;
  return { ok: true, credentials: { authKey: derived.authKey, kdf: opts.kdf, keys }, derived };
}
