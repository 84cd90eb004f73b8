import { describe, expect, it } from "vitest";
import { pruneAuthRecords } from "../../server/auth/prune-auth-records";
import { createSession, revokeSession } from "../../server/auth/sessions";
import { getDb } from "../../server/db/client";
import { makeTenant } from "../support/fixtures";

describe("pruneAuthRecords", () => {
  it("removes only records past their keeping time", async () => {
    const db = getDb();
    const t = await makeTenant("Prune Co", "prune.localhost");
    const now = new Date("2026-11-23T12:00:00Z");
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
    await db.loginAttempt.createMany({
      data: [
        { username: "old", ip: "1.1.1.1", success: false, createdAt: hoursAgo(25) },
        { username: "recent", ip: "1.1.1.1", success: false, createdAt: hoursAgo(1) },
      ],
    });
    const oldSession = await createSession({ userId: t.user.id, tenantId: t.tenant.id, now: hoursAgo(24 * 30) });
    const liveSession = await createSession({ userId: t.user.id, tenantId: t.tenant.id, now: hoursAgo(1) });
    await revokeSession(liveSession); // ended just now: kept a while for the record

    await db.signInThrottle.createMany({
      data: [
        { key: "old", count: 3, windowStart: hoursAgo(30), lockedUntil: hoursAgo(29) },
        { key: "locked", count: 9, windowStart: hoursAgo(30), lockedUntil: hoursAgo(-1) },
        { key: "recent", count: 1, windowStart: hoursAgo(1) },
      ],
    });

    const result = await pruneAuthRecords({ now });
    expect(result).toMatchObject({ loginAttempts: 1, sessions: 1, counters: 1 });
    expect((await db.signInThrottle.findMany({ orderBy: { key: "asc" } })).map((r) => r.key)).toEqual([
      "locked",
      "recent",
    ]);
    expect(await db.loginAttempt.findMany({ select: { username: true } })).toEqual([{ username: "recent" }]);
    expect(await db.session.findUnique({ where: { id: oldSession } })).toBeNull();
    expect(await db.session.findUnique({ where: { id: liveSession } })).not.toBeNull();
  });
});
