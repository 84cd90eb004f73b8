/**
 * Server-side sessions. The Auth.js JWT only carries a session id; this table is the truth, so
 * locking a user or changing their password ends their sessions at once, and an idle session
 * times out by the tenant's policy.
 */
import type { Role } from "@prisma/client";
import { getDb } from "../db/client";
import { policyFor } from "./security-policy";

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
  const row = await getDb().session.create({
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

/** The signed-in user for a session id, or null when revoked, expired, idle too long, or locked. */
export async function validateSession(sessionId: string, now = new Date()): Promise<SessionUser | null> {
  const db = getDb();
  const session = await db.session.findUnique({ where: { id: sessionId }, include: { user: true } });
  if (!session || session.revokedAt || session.expiresAt <= now) return null;
  const { user } = session;
  // An administrator's lock ends sessions; a sign-in lockout does not (it is per origin, and a
  // stranger's wrong guesses must not sign the owner out).
  if (user.locked) return null;
  const policy = await policyFor(user.tenantId);
  if (now.getTime() - session.lastSeenAt.getTime() > policy.sessionTimeoutMinutes * 60_000) {
    await db.session.update({ where: { id: sessionId }, data: { revokedAt: now } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  return {
    sessionId,
    id: user.id,
    tenantId: user.tenantId,
    username: user.username,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    role: user.role,
    permissions: user.permissions,
    mustChangePassword: user.mustChangePassword,
  };
}

export async function revokeSession(sessionId: string): Promise<void> {
  await getDb().session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

type SessionWriter = { session: { updateMany: ReturnType<typeof getDb>["session"]["updateMany"] } };

/** Ends every session of a user, optionally keeping the one making the change. */
export async function revokeUserSessions(
  userId: string,
  exceptSessionId?: string,
  db: SessionWriter = getDb(),
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
