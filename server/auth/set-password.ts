/**
 * Checks a new password against the tenant's policy and history, stores its hash, and ends the
 * user's other sessions. Used by self-service change, reset-by-email and admin changes.
 */
import { describeProblems, passwordProblems } from "@/lib/password-policy";
import type { Tx } from "../db/scope";
import { badRequest } from "../errors";
import { hashPassword, verifyPassword } from "./password-hash";
import { policyFor } from "./security-policy";
import { revokeUserSessions } from "./sessions";

export async function checkNewPassword(
  db: Tx,
  opts: {
    tenantId: string | null;
    password: string;
    person: { username?: string; email?: string; firstName?: string; lastName?: string };
  },
): Promise<void> {
  const policy = await policyFor(opts.tenantId, db);
  const problems = passwordProblems(opts.password, policy, opts.person);
  if (problems.length) throw badRequest(describeProblems(problems), "password");
}

export async function setPassword(
  db: Tx,
  opts: {
    userId: string;
    password: string;
    /** true when an administrator set it: the person must choose their own at next sign-in */
    byAdmin: boolean;
    keepSessionId?: string;
    /** Self-service changes respect the policy's minimum age; resets and admin changes do not. */
    enforceMinimumAge?: boolean;
    now?: Date;
  },
): Promise<void> {
  const user = await db.user.findUnique({
    where: { id: opts.userId },
    include: { passwordHistory: { orderBy: { createdAt: "desc" }, take: 24 } },
  });
  if (!user) throw badRequest("User not found.");
  await checkNewPassword(db, { tenantId: user.tenantId, password: opts.password, person: user });
  const policy = await policyFor(user.tenantId, db);
  const now = opts.now ?? new Date();
  if (opts.enforceMinimumAge && !user.mustChangePassword && policy.minAgeDays > 0) {
    const allowedFrom = new Date(user.passwordChangedAt.getTime() + policy.minAgeDays * 86_400_000);
    if (now < allowedFrom) {
      throw badRequest(
        `Your password was changed less than ${policy.minAgeDays} day(s) ago. You can change it again from ${allowedFrom.toISOString().slice(0, 10)}.`,
      );
    }
  }
  const recent = [user.passwordHash, ...user.passwordHistory.map((h) => h.hash)].slice(
    0,
    Math.max(1, policy.historyCount),
  );
  for (const old of recent) {
    if (await verifyPassword(old, opts.password)) {
      throw badRequest(`Choose a password you have not used recently (last ${policy.historyCount}).`, "password");
    }
  }
  await db.passwordHistory.create({ data: { userId: user.id, tenantId: user.tenantId, hash: user.passwordHash } });
  await db.user.update({
    where: { id: user.id },
    data: {
      passwordHash: await hashPassword(opts.password),
      passwordChangedAt: now,
      mustChangePassword: opts.byAdmin && policy.forceChangeOnFirstLogin,
      failedLoginCount: 0,
      lockedUntil: null,
    },
  });
  // A new password ends the old ones' reach: other sessions and every unused reset link.
  await db.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
  await revokeUserSessions(user.id, opts.keepSessionId, db);
}
