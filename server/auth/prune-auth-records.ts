/**
 * Deletes sign-in records nobody needs any more: old login attempts (rate limiting only looks
 * back minutes), sessions that ended a week ago, used or expired reset tokens, and sign-in
 * counters whose window and lock ended a day ago.
 */
import { systemDb } from "../db/system-db";
import { pruneThrottle } from "./throttle";

export const LOGIN_ATTEMPTS_KEPT_HOURS = 24;
export const ENDED_SESSIONS_KEPT_DAYS = 7;

export async function pruneAuthRecords(opts: { now?: Date } = {}) {
  const db = systemDb();
  const now = opts.now ?? new Date();
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
  const [attempts, sessions, tokens, counters] = await Promise.all([
    db.loginAttempt.deleteMany({ where: { createdAt: { lt: hoursAgo(LOGIN_ATTEMPTS_KEPT_HOURS) } } }),
    db.session.deleteMany({
      where: {
        OR: [
          { expiresAt: { lt: hoursAgo(ENDED_SESSIONS_KEPT_DAYS * 24) } },
          { revokedAt: { lt: hoursAgo(ENDED_SESSIONS_KEPT_DAYS * 24) } },
        ],
      },
    }),
    db.passwordResetToken.deleteMany({
      where: { OR: [{ expiresAt: { lt: hoursAgo(24) } }, { usedAt: { lt: hoursAgo(24) } }] },
    }),
    pruneThrottle(hoursAgo(24)),
  ]);
  return { loginAttempts: attempts.count, sessions: sessions.count, resetTokens: tokens.count, counters };
}
