/**
 * Signing in and choosing passwords the way the browser does (one helper for every test): ask the
 * server for the account's KDF parameters, derive the auth key with lib/auth/credentials.ts, check
 * the password rules in "the browser" (lib/auth/new-password.ts), and send only keys.
 */
import { newStoredKeys, openStoredKeys } from "@/lib/auth/account-keys";
import { deriveCredentials, type NewCredentials, newCredentials } from "@/lib/auth/credentials";
import { prepareNewPassword } from "@/lib/auth/new-password";
import { type KdfParams, newKdfParams } from "@/lib/crypto/key-schedule";
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy, type PersonalInfo } from "@/lib/password-policy";
import { kdfColumns, kdfCost, paramsForNewPassword } from "../../server/auth/kdf-settings";
import { hashAuthKey } from "../../server/auth/password-hash";
import { signInParams } from "../../server/auth/sign-in-params";
import { verifyCredentials } from "../../server/auth/verify-credentials";
import { getDb } from "../../server/db/client";
import type { createCaller } from "../../server/trpc/root";

type Caller = ReturnType<typeof createCaller>;
type VerifyInput = Omit<Parameters<typeof verifyCredentials>[0], "authKey"> & { password: string };

/** Sign-in as the login form does it: step one (parameters), then the derived auth key. */
export async function signInWith(input: VerifyInput) {
  const { password, ...rest } = input;
  const params = await signInParams({ host: input.host, username: input.username });
  const { authKey } = await deriveCredentials(password, params);
  return verifyCredentials({ ...rest, authKey });
}

/** What a browser refuses before sending anything: the rules that need the password. */
async function checked(password: string, policy: PasswordPolicy, person: PersonalInfo, kdf: KdfParams) {
  const result = await prepareNewPassword({ password, policy, person, kdf });
  if (!result.ok) throw new Error(result.message);
  return result.credentials;
}

/** Credentials for a brand-new account (fresh salt, today's cost), checked against `policy`. */
export async function freshCredentials(
  password: string,
  person: PersonalInfo = {},
  policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY,
): Promise<NewCredentials> {
  return checked(password, policy, person, await newKdfParams(kdfCost()));
}

/** Credentials for a new password of an existing account (its own salt), rules unchecked. */
export async function credentialsForUser(userId: string, password: string): Promise<NewCredentials> {
  const user = await getDb().user.findUniqueOrThrow({ where: { id: userId } });
  return newCredentials(password, paramsForNewPassword(user));
}

/**
 * Input for auth.changePassword, as the change-password form builds it: the key pair is opened
 * with the current password and re-sealed under the new one (a wrong current password cannot open
 * it; the form then sends nothing, here the server's own check is exercised with a fresh pair).
 */
export async function changePasswordInput(caller: Caller, currentPassword: string, newPassword: string) {
  const [params, me, stored] = await Promise.all([
    caller.auth.myPasswordParams(),
    caller.auth.me(),
    caller.keys.mine(),
  ]);
  if (!params.current) throw new Error("This account has no key parameters.");
  const current = await deriveCredentials(currentPassword, params.current);
  const keepPair = stored ? await openStoredKeys(stored, current.unlockKey).catch(() => undefined) : undefined;
  const result = await prepareNewPassword({
    password: newPassword,
    policy: params.policy,
    person: me,
    kdf: params.next,
    keepPair,
  });
  if (!result.ok) throw new Error(result.message);
  return { currentAuthKey: current.authKey, credentials: result.credentials };
}

/** Input for auth.resetPassword, as the reset / welcome page builds it. */
export async function resetInput(anon: Caller, token: string, password: string) {
  const params = await anon.auth.resetParams({ token });
  return { token, credentials: await checked(password, params.policy, params.person, params.kdf) };
}

/** Input for user.setPassword, as the admin's Set password form builds it. */
export async function setPasswordInput(admin: Caller, id: string, password: string, mustChangePassword: boolean) {
  const params = await admin.user.passwordParams({ id });
  return { id, mustChangePassword, credentials: await checked(password, params.policy, params.person, params.kdf) };
}

/** Input for user.create from the form's values (which include the typed password). */
export async function createUserInput<T extends { password: string; tenantId: string | null; email: string }>(
  admin: Caller,
  form: T & { username?: string; firstName?: string; lastName?: string },
) {
  const { password, ...rest } = form;
  const rules = await admin.user.newPasswordRules({ tenantId: form.tenantId });
  const kdf = await newKdfParams(rules.kdfCost);
  return { ...rest, credentials: await checked(password, rules.policy, form, kdf) };
}

type PasswordColumns = {
  passwordHash: string;
  kdfSalt: string;
  kdfOpsLimit: number;
  kdfMemLimit: number;
  publicKey: string;
  sealedPrivateKey: string;
};

/** Columns for a user row made directly in the database, with a working password and its own key pair. */
export async function passwordColumns(password: string): Promise<PasswordColumns> {
  const credentials = await newCredentials(password, await newKdfParams(kdfCost()));
  return {
    passwordHash: await hashAuthKey(credentials.authKey),
    ...kdfColumns(credentials.kdf),
    ...credentials.keys,
  };
}

/**
 * The same, with the slow part (Argon2id in "browser" and server) done once per password and file:
 * fixtures' people share a salt (it is not secret), but each gets a key pair of their own.
 */
const shared = new Map<string, Promise<{ passwordHash: string; kdf: KdfParams; unlockKey: Uint8Array }>>();
export async function sharedPasswordColumns(password: string): Promise<PasswordColumns> {
  if (!shared.has(password)) {
    shared.set(
      password,
      (async () => {
        const kdf = await newKdfParams(kdfCost());
        const { authKey, unlockKey } = await deriveCredentials(password, kdf);
        return { passwordHash: await hashAuthKey(authKey), kdf, unlockKey };
      })(),
    );
  }
  const { passwordHash, kdf, unlockKey } = await shared.get(password)!;
  return { passwordHash, ...kdfColumns(kdf), ...(await newStoredKeys(unlockKey)).stored };
}
