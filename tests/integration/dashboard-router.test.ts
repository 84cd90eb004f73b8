/** The dashboard's content per role, read through the real scoped transaction (row-level security). */
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { callerFor, makePlatformAdmin, makeTenant } from "../support/fixtures";

let a: Awaited<ReturnType<typeof makeTenant>>;
let b: Awaited<ReturnType<typeof makeTenant>>;

beforeAll(async () => {
  a = await makeTenant("Dash A", "dash-a.localhost");
  b = await makeTenant("Dash B", "dash-b.localhost");
  const db = getDb();
  await db.did.createMany({
    data: [
      { number: "+12125550101", tenantId: a.tenant.id, userId: a.user.id, forward: "EMAIL", forwardEmail: "me@a.test" },
      { number: "+12125550102", tenantId: a.tenant.id },
      { number: "+12125550201", tenantId: b.tenant.id, userId: b.user.id },
    ],
  });
  await db.user.update({ where: { id: b.user.id }, data: { locked: true } });
});

describe("dashboard", () => {
  it("shows a plain user their own numbers and account, not organisation counters", async () => {
    const me = await callerFor(a.user.id, a.hostname);
    const d = await me.dashboard.overview();
    expect(d.counters).toBeNull();
    expect(d.setup).toBeNull();
    expect(d.numbers).toEqual([
      expect.objectContaining({ number: "+12125550101", forward: "EMAIL", forwardEmail: "me@a.test" }),
    ]);
    expect(d.recentFaxes).toEqual([]);
    expect(d.account.passwordChangedAt).toBeInstanceOf(Date);
  });

  it("lists a user's recent faxes, sent and received, newest first, at the instants they happened", async () => {
    const db = getDb();
    const did = await db.did.findFirstOrThrow({ where: { userId: a.user.id } });
    const sentAt = new Date("2026-03-04T05:06:07.089Z");
    const receivedAt = new Date("2026-03-05T01:02:03.004Z");
    const job = await db.faxJob.create({
      data: { tenantId: a.tenant.id, userId: a.user.id, toNumber: "+12125550999", submittedAt: sentAt },
    });
    const inbound = await db.inboundFax.create({
      data: {
        tenantId: a.tenant.id,
        didId: did.id,
        fromNumber: "+12125550888",
        toNumber: did.number,
        startedAt: receivedAt,
        pages: 2,
      },
    });
    const d = await (await callerFor(a.user.id, a.hostname)).dashboard.overview();
    expect(d.recentFaxes).toEqual([
      { id: inbound.id, direction: "received", number: "+12125550888", at: receivedAt, status: "RECEIVING", pages: 2 },
      {
        id: job.id,
        direction: "sent",
        number: "+12125550999",
        at: sentAt,
        status: "QUEUED",
        pages: null,
        // The facts its status words come from (lib/fax-job-status.ts), as on every other page.
        job: expect.objectContaining({ status: "QUEUED", callState: null, attemptsMade: 0, nextAttemptAt: null }),
      },
    ]);
    // Someone else's faxes never show.
    const other = await (await callerFor(a.admin.id, a.hostname)).dashboard.overview();
    expect(other.recentFaxes).toEqual([]);
    await db.inboundFax.delete({ where: { id: inbound.id } });
    await db.faxJob.delete({ where: { id: job.id } });
  });

  it("gives an organisation admin the checklist's facts and counters of their organisation only", async () => {
    const admin = await callerFor(a.admin.id, a.hostname);
    const d = await admin.dashboard.overview();
    expect(d.setup).toEqual({ hasLogo: false, retentionChosen: false, otherPeople: 1, faxNumbers: 2 });
    expect(Object.fromEntries((d.counters ?? []).map((c) => [c.label, c.value]))).toEqual({
      Users: 2,
      "Fax numbers": 2,
      "Fax numbers given to users": 1,
      "Locked users": 0,
    });
    expect(d.numbers).toEqual([]);

    await admin.tenant.setRetention({ retentionDays: 5 });
    const after = await admin.dashboard.overview();
    expect(after.setup?.retentionChosen).toBe(true);
  });

  it("counts every organisation for a platform admin", async () => {
    const root = await makePlatformAdmin("dash-root");
    const platform = await callerFor(root.id, "localhost");
    const d = await platform.dashboard.overview();
    const figures = Object.fromEntries((d.counters ?? []).map((c) => [c.label, c.value]));
    expect(figures.Organisations).toBe(2);
    expect(figures["Fax numbers"]).toBe(3);
    expect(figures["Locked users"]).toBe(1);
    expect(d.numbers).toBeNull();
  });
});
