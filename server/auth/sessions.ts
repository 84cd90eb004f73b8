/**
 * Server-side sessions. The Auth.js JWT only carries a session id; this table is the truth, so
 * locking a user or changing their password ends their sessions at once, and an idle session
 * times out by the tenant's policy.
 */
import type { Role } from "@prisma/client";
import { systemDb } from "../db/system-db";
import { PLATFORM_POLICY } from "./security-policy";
import { cachedSession, forgetSession, MAX_AGE_MS, rememberSession, sessionCacheGeneration } from "./session-cache";

export const ABSOLUTE_SESSION_HOURS = 12;
const TOUCH_EVERY_MS = 30_000;

export interface SessionUser {
  sessionId: string;
  id: string;
  tenantId: string | null;
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  permissions: string[];
  mustChangePassword: boolean;
}

export async function createSession(input: {
  userId: string;
  tenantId: string | null;
  ip?: string;
  userAgent?: string;
  now?: Date;
}): Promise<string> {
  const now = input.now ?? new Date();
  const row = await systemDb().session.create({
    data: {
      userId: input.userId,
      tenantId: input.tenantId,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + ABSOLUTE_SESSION_HOURS * 3_600_000),
    },
  });
  return row.id;
}

/** What the one session query returns: the person (as SessionUser, without the session id) and the checks. */
type SessionRow = Omit<SessionUser, "sessionId"> & {
  revokedAt: Date | null;
  expiresAt: Date;
  lastSeenAt: Date;
  locked: boolean;
  sessionTimeoutMinutes: number | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The signed-in user for a session id, or null when revoked, expired, idle too long, or locked.
 * Session, user and idle timeout come in one round trip, and are then kept in memory until a change
 * is announced (session-cache.ts: the revocation lag is the delivery of a PostgreSQL notification).
 */
export async function validateSession(sessionId: string, now = new Date()): Promise<SessionUser | null> {
  if (!UUID.test(sessionId)) return null;
  const at = now.getTime();
  const cached = cachedSession<SessionUser>(sessionId, at);
  if (cached && at - cached.lastSeenAt <= cached.idleTimeoutMs) {
    if (at - cached.lastSeenAt > TOUCH_EVERY_MS) {
      cached.lastSeenAt = at;
      await systemDb().session.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
    }
    return cached.user;
  }
  const generation = sessionCacheGeneration();
  const db = systemDb();
  const [row] = await db.$queryRaw<SessionRow[]>`
    SELECT s."revokedAt", s."expiresAt", s."lastSeenAt", u.id, u."tenantId", u.username, u.email,
           u."firstName", u."lastName", u.role::text AS role, u.permissions, u."mustChangePassword", u.locked,
           p."sessionTimeoutMinutes"
      FROM "Session" s
      JOIN "User" u ON u.id = s."userId"
      LEFT JOIN "SecurityPolicy" p ON p."tenantId" = u."tenantId"
     WHERE s.id = ${sessionId}::uuid`;
  if (!row || row.revokedAt || row.expiresAt <= now) return null;
  // An administrator's lock ends sessions; a sign-in lockout does not (it is per origin, and a
  // stranger's wrong guesses must not sign the owner out).
  if (row.locked) return null;
  const timeoutMinutes =
    row.tenantId && row.sessionTimeoutMinutes !== null
      ? row.sessionTimeoutMinutes
      : PLATFORM_POLICY.sessionTimeoutMinutes;
  const idleTimeoutMs = timeoutMinutes * 60_000;
  let lastSeenAt = row.lastSeenAt.getTime();
  if (at - lastSeenAt > idleTimeoutMs) {
    await db.session.update({ where: { id: sessionId }, data: { revokedAt: now } });
    return null;
  }
  if (at - lastSeenAt > TOUCH_EVERY_MS) {
    await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
    lastSeenAt = at;
  }
  const user: SessionUser = {
    sessionId,
    id: row.id,
    tenantId: row.tenantId,
    username: row.username,
    email: row.email,
    firstName: row.firstName,
    lastName: row.lastName,
    role: row.role,
    permissions: row.permissions,
    mustChangePassword: row.mustChangePassword,
  };
  // Never longer than the session itself lives.
  const readAt = Math.min(at, row.expiresAt.getTime() - MAX_AGE_MS);
  rememberSession(
    sessionId,
    { user, userId: row.id, tenantId: row.tenantId, lastSeenAt, idleTimeoutMs, readAt },
    generation,
  );
  return user;
}

export async function revokeSession(sessionId: string): Promise<void> {
  await systemDb().session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
  forgetSession(sessionId); // committed: this process forgets it now, the others on the notification
}

type SessionWriter = { session: { updateMany: ReturnType<typeof systemDb>["session"]["updateMany"] } };

/** Ends every session of a user, optionally keeping the one making the change. */
export async function revokeUserSessions(
  userId: string,
  exceptSessionId?: string,
  db: SessionWriter = systemDb(),
): Promise<void> {
  await db.session.updateMany({
    where: { userId, revokedAt: null, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
    data: { revokedAt: new Date() },
  });
}

/** Ends every session in a tenant (when it is suspended). */
export async function revokeTenantSessions(db: SessionWriter, tenantId: string): Promise<void> {
  await db.session.updateMany({ where: { tenantId, revokedAt: null }, data: { revokedAt: new Date() } });
}
