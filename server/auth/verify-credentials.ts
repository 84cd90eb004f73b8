/**
 * The one credential check. Everything about signing in — rate limits, lockout, admin lock,
 * which portal an account belongs to — is decided here, so a later change of how the password is
 * proven (browser-derived keys for zero-knowledge documents) touches one file.
 */
import type { Role } from "@prisma/client";
import { recordAudit } from "../audit/record-audit";
import { getDb } from "../db/client";
import type { HostContext } from "../tenant/resolve-tenant";
import { dummyHash, verifyPassword } from "./password-hash";
import { policyFor } from "./security-policy";

export const RATE_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 10;
export const MAX_FAILURES_PER_ADDRESS = 30;

export interface VerifiedUser {
  id: string;
  tenantId: string | null;
  username: string;
  role: Role;
  mustChangePassword: boolean;
  sessionTimeoutMinutes: number;
}

export type CredentialFailure = "invalid" | "locked" | "locked-out" | "rate-limited" | "wrong-portal" | "suspended";

export type CredentialResult =
  | { ok: true; user: VerifiedUser }
  | { ok: false; reason: CredentialFailure; message: string };

const fail = (reason: CredentialFailure, message: string): CredentialResult => ({ ok: false, reason, message });

const INVALID = "Wrong username or password.";

export async function verifyCredentials(input: {
  username: string;
  password: string;
  host: HostContext;
  ip: string;
  now?: Date;
}): Promise<CredentialResult> {
  const db = getDb();
  const now = input.now ?? new Date();
  const login = input.username.trim().toLowerCase();
  const since = new Date(now.getTime() - RATE_WINDOW_MINUTES * 60_000);

  const [accountFailures, addressFailures] = await Promise.all([
    db.loginAttempt.count({ where: { username: login, success: false, createdAt: { gte: since } } }),
    db.loginAttempt.count({ where: { ip: input.ip, success: false, createdAt: { gte: since } } }),
  ]);
  if (accountFailures >= MAX_FAILURES_PER_ACCOUNT || addressFailures >= MAX_FAILURES_PER_ADDRESS) {
    return fail("rate-limited", `Too many sign-in attempts. Wait ${RATE_WINDOW_MINUTES} minutes and try again.`);
  }
  const record = (success: boolean) =>
    db.loginAttempt.create({ data: { username: login, ip: input.ip, success, createdAt: now } });

  const hostTenantId = input.host.kind === "tenant" ? input.host.tenant.id : null;
  const user =
    (await db.user.findUnique({ where: { username: login }, include: { tenant: { include: { domains: true } } } })) ??
    (login.includes("@")
      ? await db.user.findFirst({
          where: { email: login, tenantId: hostTenantId, ...(hostTenantId ? {} : { role: "PLATFORM_ADMIN" }) },
          include: { tenant: { include: { domains: true } } },
        })
      : null);

  if (!user) {
    await verifyPassword(await dummyHash(), input.password); // same cost as a real check
    await record(false);
    return fail("invalid", INVALID);
  }

  const policy = await policyFor(user.tenantId);
  if (user.lockedUntil && user.lockedUntil > now) {
    await record(false);
    const minutes = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000);
    return fail("locked-out", `Too many failed attempts. This account is locked for ${minutes} more minute(s).`);
  }

  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await record(false);
    const failures = user.failedLoginCount + 1;
    if (failures >= policy.lockoutThreshold) {
      await db.user.update({
        where: { id: user.id },
        data: { failedLoginCount: 0, lockedUntil: new Date(now.getTime() + policy.lockoutMinutes * 60_000) },
      });
      await recordAudit(db, {
        tenantId: user.tenantId,
        actor: null,
        action: "user.lockout",
        entityType: "User",
        entityId: user.id,
        details: { username: user.username, minutes: policy.lockoutMinutes },
        ip: input.ip,
      });
      return fail(
        "locked-out",
        `Too many failed attempts. This account is locked for ${policy.lockoutMinutes} minute(s).`,
      );
    }
    await db.user.update({ where: { id: user.id }, data: { failedLoginCount: failures } });
    return fail("invalid", INVALID);
  }

  // The password is right: from here on, messages may be specific.
  if (user.locked) {
    await record(false);
    return fail("locked", "This account is locked. Ask your administrator to unlock it.");
  }
  if (input.host.kind === "platform" && user.role !== "PLATFORM_ADMIN") {
    const domain = user.tenant?.domains.find((d) => d.isPrimary)?.hostname ?? user.tenant?.domains[0]?.hostname;
    return fail("wrong-portal", domain ? `Sign in at your organisation's address: ${domain}` : INVALID);
  }
  if (input.host.kind !== "platform" && user.tenantId !== hostTenantId) {
    return fail("wrong-portal", INVALID);
  }
  if (user.tenant && !user.tenant.active) {
    return fail("suspended", "Your organisation's account is suspended. Contact your provider.");
  }

  const expired =
    policy.maxAgeDays != null && now.getTime() - user.passwordChangedAt.getTime() > policy.maxAgeDays * 86_400_000;
  await db.user.update({
    where: { id: user.id },
    data: {
      failedLoginCount: 0,
      lockedUntil: null,
      lastLoginAt: now,
      ...(expired ? { mustChangePassword: true } : {}),
    },
  });
  await record(true);
  return {
    ok: true,
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
