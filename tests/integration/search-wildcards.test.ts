/** A search for % or _ finds those characters, not everything (LIKE wildcards are escaped). */
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { callerFor, makePlatformAdmin, makeTenant } from "../support/fixtures";

type Caller = Awaited<ReturnType<typeof callerFor>>;
let platform: Caller;

beforeAll(async () => {
  await makeTenant("Plain Co", "plain.localhost");
  await makeTenant("Half_Price 100%", "half.localhost");
  platform = await callerFor((await makePlatformAdmin()).id, "localhost");
  const db = getDb();
  await db.trunk.createMany({
    data: [
      { name: "plain trunk", driver: "LOOPBACK", host: "sip.plain.example" },
      { name: "odd_trunk 100%", driver: "LOOPBACK", host: "sip.odd.example" },
    ],
  });
  await db.mailMessage.createMany({
    data: [
      { to: "a@plain.example", subject: "Welcome", text: "hi", html: "", transport: "outbox" },
      { to: "b@plain.example", subject: "50% off_now", text: "hi", html: "", transport: "outbox" },
    ],
  });
  await db.auditLog.createMany({
    data: [
      { action: "test.plain", actorName: "ann", entityType: "Thing" },
      { action: "test.odd", actorName: "odd_one%", entityType: "Thing" },
    ],
  });
});

const list = { page: 1, pageSize: 50 };

describe("search with LIKE wildcards", () => {
  it.each(["%", "_", "\\"])("%s finds only what contains it", async (search) => {
    const tenants = await platform.tenant.list({ ...list, search });
    const users = await platform.user.list({ ...list, search });
    const trunks = await platform.trunk.list({ ...list, search });
    const mail = await platform.mail.list({ ...list, search });
    const audit = await platform.audit.list({ ...list, search });
    const dids = await platform.did.list({ ...list, search });
    const want = search === "\\" ? 0 : 1;
    expect(tenants.items.map((t) => t.name)).toEqual(want ? ["Half_Price 100%"] : []);
    expect(users.total).toBe(0); // usernames here have neither % nor _ nor \
    expect(trunks.items.map((t) => t.name)).toEqual(want ? ["odd_trunk 100%"] : []);
    expect(mail.items.map((m) => m.subject)).toEqual(want ? ["50% off_now"] : []);
    expect(audit.items.filter((a) => a.action.startsWith("test.")).map((a) => a.actorName)).toEqual(
      want ? ["odd_one%"] : [],
    );
    expect(dids.total).toBe(0);
  });
});
