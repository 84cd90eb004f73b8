/**
 * Stores a new password — as the hash of the auth key the browser derived from it — after the
 * checks the server can still make without seeing the password: minimum age and history. History
 * works because an account keeps one salt: the same password gives the same auth key, which is
 * verified against the last N stored hashes. (If the KDF cost was raised in between, older entries
 * no longer compare; they simply stop counting.) Length, character classes and "no part of your
 * name" need the password itself and are checked in the browser (lib/password-policy.ts).
 * The person's key pair arrives sealed under the new unlock key and is stored with it.
 * Used by self-service change, reset-by-email, welcome links and admin changes.
 */
import type { NewCredentials } from "@/lib/auth/credentials";
import { counted } from "@/lib/counted";
import type { Tx } from "../db/scope";
import { badRequest } from "../errors";
import { assertNewPasswordParams, kdfColumns } from "./kdf-settings";
import { hashAuthKey, verifyAuthKey } from "./password-hash";
import { policyFor } from "./security-policy";
import { revokeUserSessions } from "./sessions";

export async function setPassword(
  db: Tx,
  opts: {
    userId: string;
    credentials: NewCredentials;
    /** true when an administrator set it: the person must choose their own at next sign-in */
    byAdmin: boolean;
    /** The administrator who set it (recorded as how the person came to wait for access). */
    adminId?: string;
    keepSessionId?: string;
    /** Self-service changes respect the policy's minimum age; resets and admin changes do not. */
    enforceMinimumAge?: boolean;
    now?: Date;
  },
): Promise<{ startedWaiting: boolean }> {
  const user = await db.user.findUnique({
    where: { id: opts.userId },
    include: { passwordHistory: { orderBy: { createdAt: "desc" }, take: 24 } },
  });
  if (!user) throw badRequest("User not found.");
  assertNewPasswordParams(user, opts.credentials.kdf);
  const policy = await policyFor(user.tenantId, db);
  const now = opts.now ?? new Date();
  if (opts.enforceMinimumAge && !user.mustChangePassword && policy.minAgeDays > 0) {
    const allowedFrom = new Date(user.passwordChangedAt.getTime() + policy.minAgeDays * 86_400_000);
    if (now < allowedFrom) {
      throw badRequest(
        `Your password was changed less than ${counted(policy.minAgeDays, "day")} ago. You can change it again from ${allowedFrom.toISOString().slice(0, 10)}.`,
      );
    }
  }
  const recent = [user.passwordHash, ...user.passwordHistory.map((h) => h.hash)].slice(
    0,
    Math.max(1, policy.historyCount),
  );
  for (const old of recent) {
    if (user.kdfSalt && (await verifyAuthKey(old, opts.credentials.authKey))) {
      throw badRequest(`Choose a password you have not used recently (last ${policy.historyCount}).`, "password");
    }
  }
  // An account opened by a welcome link had no password before: nothing to remember.
  if (user.kdfSalt) {
    await db.passwordHistory.create({ data: { userId: user.id, tenantId: user.tenantId, hash: user.passwordHash } });
  }
  const startedWaiting = !!(user.tenantId && user.publicKey && user.publicKey !== opts.credentials.keys.publicKey);
  await db.user.update({
    where: { id: user.id },
    data: {
      passwordHash: await hashAuthKey(opts.credentials.authKey),
      ...kdfColumns(opts.credentials.kdf),
      // Fresh keys (a reset, an admin-set password) cannot open what the old ones could: the
      // person waits until a tenant admin grants access again (server/keys/tenant-keys.ts).
      // How they came to wait is kept for the admin who grants (their own reset, or who set it).
      ...(startedWaiting
        ? {
            accessPendingSince: now,
            accessPendingReason: opts.byAdmin ? "SET_BY_ADMIN" : "SELF_RESET",
            accessPendingById: opts.byAdmin ? (opts.adminId ?? null) : null,
          }
        : {}),
      publicKey: opts.credentials.keys.publicKey,
      sealedPrivateKey: opts.credentials.keys.sealedPrivateKey,
      passwordChangedAt: now,
      mustChangePassword: opts.byAdmin && policy.forceChangeOnFirstLogin,
      failedLoginCount: 0,
      lockedUntil: null,
    },
  });
  // A new password ends the old ones' reach: other sessions and every unused reset link.
  await db.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
  await revokeUserSessions(user.id, opts.keepSessionId, db);
  // The caller tells the organisation's admins (server/keys/mail-waiting-for-access.ts).
  return { startedWaiting };
}
