/**
 * Counters that limit attempts (sign-in failures, reset requests). One SQL statement counts the
 * attempt and decides, so parallel requests each see their own number — there is no window
 * between reading a count and writing it. An attempt is counted *before* the password is checked
 * (a reservation); a successful one gives its reservation back.
 */
import { Prisma } from "@prisma/client";
import { systemDb } from "../db/system-db";

export interface AttemptCount {
  /** This attempt's number within the window (1 = first). */
  count: number;
  /** Set once `count` reached the limit: until then further attempts are refused. */
  lockedUntil: Date | null;
  /** This attempt came while the key was already at or over its limit. */
  refused: boolean;
}

/**
 * Counts one attempt against `key`. The attempt that reaches `limit` sets `lockedUntil`
 * (now + lockMinutes) at once, so attempts racing behind it are refused; a window that ran out
 * (or a lock that ended) starts again at 1.
 */
export async function countAttempt(opts: {
  key: string;
  limit: number;
  windowMinutes: number;
  lockMinutes: number;
  now: Date;
}): Promise<AttemptCount> {
  const { key, limit, now } = opts;
  const windowStartedBefore = new Date(now.getTime() - opts.windowMinutes * 60_000);
  const lockEnd = new Date(now.getTime() + opts.lockMinutes * 60_000);
  // The stored count no longer applies: its lock ended, or (never locked) its window ran out.
  const fresh = Prisma.sql`((t."lockedUntil" IS NOT NULL AND t."lockedUntil" <= ${now}::timestamp)
    OR (t."lockedUntil" IS NULL AND t."windowStart" <= ${windowStartedBefore}::timestamp))`;
  const [row] = await systemDb().$queryRaw<{ count: number; lockedUntil: Date | null }[]>`
    INSERT INTO "SignInThrottle" AS t ("key", "count", "windowStart", "lockedUntil")
    VALUES (${key}, 1, ${now}, CASE WHEN 1 >= ${limit}::int THEN ${lockEnd}::timestamp ELSE NULL END)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN ${fresh} THEN 1 ELSE t."count" + 1 END,
      "windowStart" = CASE WHEN ${fresh} THEN ${now}::timestamp ELSE t."windowStart" END,
      "lockedUntil" = CASE
        WHEN ${fresh} THEN CASE WHEN 1 >= ${limit}::int THEN ${lockEnd}::timestamp ELSE NULL END
        WHEN t."lockedUntil" IS NOT NULL THEN t."lockedUntil"
        WHEN t."count" + 1 >= ${limit}::int THEN ${lockEnd}::timestamp
        ELSE NULL END
    RETURNING "count", "lockedUntil"`;
  const count = Number(row!.count);
  return { count, lockedUntil: row!.lockedUntil, refused: count > limit };
}

/** Gives a successful attempt's reservation back (the limit counts failures only). */
export async function releaseAttempt(key: string, limit: number): Promise<void> {
  await systemDb().$executeRaw`
    UPDATE "SignInThrottle" SET "count" = greatest("count" - 1, 0),
      "lockedUntil" = CASE WHEN "count" - 1 < ${limit}::int THEN NULL ELSE "lockedUntil" END
    WHERE "key" = ${key}`;
}

/** Forgets a counter (a success on that origin, or an administrator's unlock). */
export async function clearAttempts(keys: string[]): Promise<void> {
  if (keys.length) await systemDb().signInThrottle.deleteMany({ where: { key: { in: keys } } });
}

/** Drops counters whose window and lock are long over (daily clean-up). */
export async function pruneThrottle(before: Date): Promise<number> {
  const { count } = await systemDb().signInThrottle.deleteMany({
    where: { windowStart: { lt: before }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: before } }] },
  });
  return count;
}
