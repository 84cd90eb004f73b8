/**
 * The one credential check. Everything about signing in — limits, lockout, admin lock, which
 * people a host signs in — is decided here, so a later change of how the password is proven
 * (browser-derived keys for zero-knowledge documents) touches one file.
 *
 * Lockout (the tenant's policy: N failures → M minutes) is counted per login string *and origin*:
 * the browser's device cookie from an earlier successful sign-in there, else the client address
 * (behind a trusted proxy), else "an unknown origin". A stranger's guesses lock only their own
 * origin, never the owner's known browser. Failures from unknown origins also count towards a
 * higher per-account ceiling (distributed guessing) and, when the address is known, a per-address
 * limit. Counters are keyed on what was typed, so an unknown username behaves exactly like a real
 * one, and the Argon2 check always runs: unknown, wrong and locked answer alike and take as long.
 *
 * What is checked is the auth key the browser derived from the password (sign-in step one gave it
 * the account's KDF parameters, see sign-in-params.ts); the password itself never arrives.
 */
import type { Role } from "@prisma/client";
import { counted } from "@/lib/counted";
import { writeAudit } from "../db/run-in-scope";
import { systemDb } from "../db/system-db";
import type { HostContext } from "../tenant/resolve-tenant";
import { deviceFor } from "./device-cookie";
import { findSignInUser, normaliseLogin, realmOf, realmOfPerson } from "./find-sign-in-user";
import { dummyHash, verifyAuthKey } from "./password-hash";
import { policyFor } from "./security-policy";
import { clearAttempts, countAttempt, releaseAttempt } from "./throttle";

/** Failures of one origin are counted over this long (or until a success there). */
export const LOCKOUT_WINDOW_MINUTES = 60;
export const RATE_WINDOW_MINUTES = 15;
/** Failures from unknown origins, per account, before every unknown origin waits. */
export const MAX_FAILURES_PER_ACCOUNT = 20;
/** Failures from one client address (only known behind a trusted proxy), across logins. */
export const MAX_FAILURES_PER_ADDRESS = 30;

export interface VerifiedUser {
  id: string;
  tenantId: string | null;
  username: string;
  role: Role;
  mustChangePassword: boolean;
  sessionTimeoutMinutes: number;
}

export type CredentialFailure = "invalid" | "locked" | "locked-out" | "rate-limited" | "suspended";

export type CredentialResult =
  | { ok: true; user: VerifiedUser; realm: string; login: string }
  | { ok: false; reason: CredentialFailure; message: string };

const fail = (reason: CredentialFailure, message: string): CredentialResult => ({ ok: false, reason, message });

const INVALID = "Wrong username or password.";

const enc = encodeURIComponent;
/** Keys of the counters; see throttle.ts. The login is encoded so ":" can separate parts. */
export const throttleKeys = {
  originPrefix: (realm: string, login: string) => `signin:${realm}:${enc(login)}:`,
  account: (realm: string, login: string) => `signin-account:${realm}:${enc(login)}`,
  address: (ip: string) => `signin-address:${ip}`,
};

export async function verifyCredentials(input: {
  username: string;
  /** base64url auth key derived in the browser (lib/auth/credentials.ts) */
  authKey: string;
  host: HostContext;
  /** The client's address when known (behind a trusted proxy), else null. */
  ip: string | null;
  /** The browser's device cookie, if it sent one. */
  device?: string | null;
  now?: Date;
}): Promise<CredentialResult> {
  const db = systemDb();
  const now = input.now ?? new Date();
  const login = normaliseLogin(input.username);
  const realm = realmOf(input.host);
  const deviceId = deviceFor(input.device, realm, login);
  const origin = deviceId ? `device:${deviceId}` : input.ip ? `ip:${input.ip}` : "unknown-origin";

  const [user, policy] = await Promise.all([
    findSignInUser(input.host, login),
    policyFor(input.host.kind === "tenant" ? input.host.tenant.id : null),
  ]);

  // Reserve this attempt on every counter it belongs to before checking anything.
  const originKey = throttleKeys.originPrefix(realm, login) + origin;
  const window = { windowMinutes: RATE_WINDOW_MINUTES, lockMinutes: RATE_WINDOW_MINUTES, now };
  const [byOrigin, byAccount, byAddress] = await Promise.all([
    countAttempt({
      key: originKey,
      limit: policy.lockoutThreshold,
      windowMinutes: LOCKOUT_WINDOW_MINUTES,
      lockMinutes: policy.lockoutMinutes,
      now,
    }),
    deviceId
      ? null
      : countAttempt({ key: throttleKeys.account(realm, login), limit: MAX_FAILURES_PER_ACCOUNT, ...window }),
    deviceId || !input.ip
      ? null
      : countAttempt({ key: throttleKeys.address(input.ip), limit: MAX_FAILURES_PER_ADDRESS, ...window }),
  ]);
  // Always the full Argon2 cost, whether the login exists, is wrong or is locked.
  // An account with no key parameters yet has no password that can match.
  const hashed = user?.kdfSalt ? user.passwordHash : await dummyHash();
  const passwordRight = (await verifyAuthKey(hashed, input.authKey)) && !!user?.kdfSalt;
  await db.loginAttempt.create({
    data: {
      username: login.slice(0, 254),
      ip: input.ip ?? "unknown",
      success: !!user && passwordRight,
      createdAt: now,
    },
  });

  if (byOrigin.refused) {
    const minutes = Math.max(
      1,
      Math.ceil(((byOrigin.lockedUntil?.getTime() ?? now.getTime()) - now.getTime()) / 60_000),
    );
    return fail(
      "locked-out",
      `Too many failed attempts. This account is locked for ${counted(minutes, "more minute", "more minutes")}.`,
    );
  }
  if (byAccount?.refused || byAddress?.refused) {
    return fail("rate-limited", `Too many sign-in attempts. Wait ${RATE_WINDOW_MINUTES} minutes and try again.`);
  }
  if (!user || !passwordRight) {
    if (byOrigin.lockedUntil) {
      if (user) await noteLockout(user, policy.lockoutMinutes, byOrigin.lockedUntil, input.ip, deviceId !== null);
      return fail(
        "locked-out",
        `Too many failed attempts. This account is locked for ${counted(policy.lockoutMinutes, "minute")}.`,
      );
    }
    return fail("invalid", INVALID);
  }

  // The password is right: give the reservations back; from here on, messages may be specific.
  await Promise.all([
    clearAttempts([originKey]),
    byAccount && releaseAttempt(throttleKeys.account(realm, login), MAX_FAILURES_PER_ACCOUNT),
    byAddress && input.ip && releaseAttempt(throttleKeys.address(input.ip), MAX_FAILURES_PER_ADDRESS),
  ]);
  if (user.locked) return fail("locked", "This account is locked. Ask your administrator to unlock it.");
  if (input.host.kind === "tenant" && !input.host.tenant.active) {
    return fail("suspended", "Your organisation's account is suspended. Contact your provider.");
  }

  const expired =
    policy.maxAgeDays != null && now.getTime() - user.passwordChangedAt.getTime() > policy.maxAgeDays * 86_400_000;
  await db.user.update({
    where: { id: user.id },
    data: { failedLoginCount: 0, lastLoginAt: now, ...(expired ? { mustChangePassword: true } : {}) },
  });
  return {
    ok: true,
    realm,
    login,
    user: {
      id: user.id,
      tenantId: user.tenantId,
      username: user.username,
      role: user.role,
      mustChangePassword: user.mustChangePassword || expired,
      sessionTimeoutMinutes: policy.sessionTimeoutMinutes,
    },
  };
}

/** An origin reached the limit for a real account: audit it and show it to administrators. */
async function noteLockout(
  user: { id: string; tenantId: string | null; username: string },
  minutes: number,
  until: Date,
  ip: string | null,
  knownDevice: boolean,
) {
  const db = systemDb();
  // Informational (the user list shows "locked out"); sessions and other origins are unaffected.
  await db.user.update({ where: { id: user.id }, data: { lockedUntil: until } });
  await writeAudit(
    db,
    {
      tenantId: user.tenantId,
      action: "user.lockout",
      entityType: "User",
      entityId: user.id,
      details: { username: user.username, minutes, origin: knownDevice ? "known device" : (ip ?? "unknown address") },
    },
    null,
    ip,
  );
}

/** An administrator's unlock: every origin's lockout of this person ends. */
export async function clearSignInLockouts(user: {
  tenantId: string | null;
  username: string;
  email: string;
}): Promise<void> {
  const realm = realmOfPerson(user.tenantId);
  const logins = [user.username, user.email.toLowerCase()];
  await systemDb().signInThrottle.deleteMany({
    where: {
      OR: [
        ...logins.map((l) => ({ key: { startsWith: throttleKeys.originPrefix(realm, l) } })),
        { key: { in: logins.map((l) => throttleKeys.account(realm, l)) } },
      ],
    },
  });
}
