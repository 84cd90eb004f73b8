/**
 * Validated sessions are kept in memory, and a change made anywhere — here through a separate
 * connection, as another portal process would — ends or alters them by the time PostgreSQL's
 * notification arrives (milliseconds), not at the next cache expiry.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionCacheActive, startSessionCache, stopSessionCache } from "../../server/auth/session-cache";
import { createSession, validateSession } from "../../server/auth/sessions";
import { makeTenant } from "../support/fixtures";

let other: pg.Client; // "another process" on the same database
let t: Awaited<ReturnType<typeof makeTenant>>;
let n = 0;

async function until(check: () => Promise<boolean>, ms = 2_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return Date.now();
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`not within ${ms} ms`);
}

beforeAll(async () => {
  other = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await other.connect();
  startSessionCache();
  await until(async () => sessionCacheActive());
});

afterAll(async () => {
  await stopSessionCache();
  await other.end();
});

async function cachedSessionOfNewTenant() {
  n += 1;
  t = await makeTenant(`Cache ${n}`, `cache${n}.localhost`);
  const sid = await createSession({ userId: t.user.id, tenantId: t.tenant.id });
  const first = await validateSession(sid);
  expect(first).not.toBeNull();
  expect(await validateSession(sid)).toBe(first); // served from memory: the same object
  return sid;
}

describe("the session cache", () => {
  it("refuses a user locked by another process as soon as the notification arrives", async () => {
    const sid = await cachedSessionOfNewTenant();
    const locked = Date.now();
    await other.query(`UPDATE "User" SET locked = true WHERE id = $1`, [t.user.id]);
    const refused = await until(async () => (await validateSession(sid)) === null);
    expect(refused - locked).toBeLessThan(1_000);
    expect(await validateSession(sid)).toBeNull();
  });

  it("ends a session revoked elsewhere (sign-out, password change)", async () => {
    const sid = await cachedSessionOfNewTenant();
    await other.query(`UPDATE "Session" SET "revokedAt" = now() WHERE id = $1`, [sid]);
    await until(async () => (await validateSession(sid)) === null);
  });

  it("shows a role change and a forced password change on the next request", async () => {
    const sid = await cachedSessionOfNewTenant();
    await other.query(`UPDATE "User" SET role = 'TENANT_ADMIN', "mustChangePassword" = true WHERE id = $1`, [
      t.user.id,
    ]);
    await until(async () => (await validateSession(sid))?.role === "TENANT_ADMIN");
    expect((await validateSession(sid))?.mustChangePassword).toBe(true);
  });

  it("applies a shorter idle timeout set in the tenant's policy", async () => {
    const sid = await cachedSessionOfNewTenant();
    const cached = await validateSession(sid);
    await other.query(`UPDATE "SecurityPolicy" SET "sessionTimeoutMinutes" = 5 WHERE "tenantId" = $1`, [t.tenant.id]);
    await until(async () => (await validateSession(sid)) !== cached); // dropped and read again
    expect(await validateSession(sid, new Date(Date.now() + 6 * 60_000))).toBeNull();
  });

  it("keeps nothing while it cannot listen", async () => {
    await stopSessionCache();
    try {
      n += 1;
      t = await makeTenant(`Cache ${n}`, `cache${n}.localhost`);
      const sid = await createSession({ userId: t.user.id, tenantId: t.tenant.id });
      const first = await validateSession(sid);
      expect(first).not.toBeNull();
      expect(await validateSession(sid)).not.toBe(first); // read again from the database
      await other.query(`UPDATE "User" SET locked = true WHERE id = $1`, [t.user.id]);
      expect(await validateSession(sid)).toBeNull(); // at once
    } finally {
      startSessionCache();
      await until(async () => sessionCacheActive());
    }
  });
});
