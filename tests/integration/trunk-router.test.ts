import { beforeAll, describe, expect, it } from "vitest";
import { openSecret } from "../../server/crypto/secret-box";
import { getDb } from "../../server/db/client";
import { callerFor, makePlatformAdmin, makeTenant } from "../support/fixtures";

type Caller = Awaited<ReturnType<typeof callerFor>>;
let platform: Caller;
let tenantAdmin: Caller;

const SECRET = "Sip-Pa55word-xyz";
const base = {
  name: "Carrier One",
  active: true,
  gatewayType: "SIP" as const,
  driver: "LOOPBACK" as const,
  ipAuth: false,
  sipUsername: "acct-100",
  sipPassword: SECRET,
  host: "sip.carrier.example",
  port: 5060,
  maxChannels: 10,
  maxCallsPerMinute: 60,
};

beforeAll(async () => {
  const root = await makePlatformAdmin();
  const acme = await makeTenant("Acme", "acme.localhost");
  platform = await callerFor(root.id, "localhost");
  tenantAdmin = await callerFor(acme.admin.id, acme.hostname);
});

describe("trunks", () => {
  it("creates a trunk with its password sealed and never returned", async () => {
    const trunk = await platform.trunk.create(base);
    expect(trunk).toMatchObject({ name: "Carrier One", hasPassword: true, sipUsername: "acct-100" });
    const row = await getDb().trunk.findUniqueOrThrow({ where: { id: trunk.id } });
    expect(row.sipPasswordSealed).toMatch(/^v1\./);
    expect(openSecret(row.sipPasswordSealed!)).toBe(SECRET);

    const outputs = [
      trunk,
      await platform.trunk.get({ id: trunk.id }),
      await platform.trunk.list({ search: "", page: 1, pageSize: 20 }),
      await platform.trunk.update({ ...base, id: trunk.id, sipPassword: "" }),
    ];
    for (const output of outputs) {
      const json = JSON.stringify(output);
      expect(json).not.toContain(SECRET);
      expect(json).not.toContain(row.sipPasswordSealed!);
      expect(json).not.toContain("sipPassword");
    }
    const audits = await getDb().auditLog.findMany({ where: { entityId: trunk.id } });
    expect(audits.map((a) => a.action).sort()).toEqual(["trunk.create", "trunk.update"]);
    expect(JSON.stringify(audits)).not.toContain(SECRET);
  });

  it("keeps the stored password when the update leaves it blank, replaces it when given", async () => {
    const trunk = await platform.trunk.create({ ...base, name: "Keeper" });
    const before = await getDb().trunk.findUniqueOrThrow({ where: { id: trunk.id } });
    const saved = await platform.trunk.update({
      ...base,
      id: trunk.id,
      name: "Keeper",
      maxChannels: 20,
      sipPassword: "",
    });
    expect(saved).toMatchObject({ maxChannels: 20, hasPassword: true });
    const kept = await getDb().trunk.findUniqueOrThrow({ where: { id: trunk.id } });
    expect(kept.sipPasswordSealed).toBe(before.sipPasswordSealed);

    await platform.trunk.update({ ...base, id: trunk.id, name: "Keeper", sipPassword: "New-Secret-1" });
    const replaced = await getDb().trunk.findUniqueOrThrow({ where: { id: trunk.id } });
    expect(openSecret(replaced.sipPasswordSealed!)).toBe("New-Secret-1");
  });

  it("accepts an IP-authenticated trunk with host and port only, and clears credentials when switching", async () => {
    const ipTrunk = await platform.trunk.create({
      name: "By IP",
      driver: "LOOPBACK",
      ipAuth: true,
      host: "192.0.2.10",
    });
    expect(ipTrunk).toMatchObject({
      ipAuth: true,
      hasPassword: false,
      sipUsername: "",
      port: 5060,
      gatewayType: "SIP",
    });

    const trunk = await platform.trunk.create({ ...base, name: "Switcher" });
    const switched = await platform.trunk.update({
      ...base,
      id: trunk.id,
      name: "Switcher",
      ipAuth: true,
      sipUsername: "",
      sipPassword: "",
    });
    expect(switched).toMatchObject({ ipAuth: true, hasPassword: false, sipUsername: "" });
    const row = await getDb().trunk.findUniqueOrThrow({ where: { id: trunk.id } });
    expect(row).toMatchObject({ sipUsername: null, sipPasswordSealed: null });

    // Back to credentials: the old password is gone, so a new one is required.
    await expect(platform.trunk.update({ ...base, id: trunk.id, name: "Switcher", sipPassword: "" })).rejects.toThrow(
      /SIP password is required/,
    );
  });

  it("validates credentials, host, port and limits", async () => {
    await expect(platform.trunk.create({ ...base, name: "No pass", sipPassword: "" })).rejects.toThrow(
      /SIP password is required/,
    );
    await expect(platform.trunk.create({ ...base, name: "No user", sipUsername: "" })).rejects.toThrow(
      /SIP username is required/,
    );
    await expect(platform.trunk.create({ ...base, name: "IP+user", ipAuth: true, sipPassword: "" })).rejects.toThrow(
      /Leave the SIP username empty/,
    );
    await expect(platform.trunk.create({ ...base, name: "Bad host", host: "sip://x:5060" })).rejects.toThrow(
      /Enter a hostname/,
    );
    await expect(platform.trunk.create({ ...base, name: "Bad IP", host: "999.1.1.1" })).rejects.toThrow(
      /Enter a hostname/,
    );
    await expect(platform.trunk.create({ ...base, name: "Bad port", port: 70000 })).rejects.toThrow(
      /Port must be between 1 and 65535/,
    );
    await expect(platform.trunk.create({ ...base, name: "Bad ch", maxChannels: 0 })).rejects.toThrow(/Max channels/);
    await expect(platform.trunk.create({ ...base, name: "Bad cpm", maxCallsPerMinute: 6001 })).rejects.toThrow(
      /Max calls per minute/,
    );
    const v6 = await platform.trunk.create({ ...base, name: "IPv6", host: "[2001:db8::1]" });
    expect(v6.host).toBe("2001:db8::1");
  });

  it("refuses a duplicate name with a clear conflict", async () => {
    await expect(platform.trunk.create({ ...base })).rejects.toMatchObject({
      code: "CONFLICT",
      message: 'A trunk named "Carrier One" already exists. Choose another name.',
    });
  });

  it("lists with search and pagination, and deletes with an audit entry", async () => {
    await platform.trunk.create({ ...base, name: "Zulu spare", ipAuth: true, sipUsername: "", sipPassword: "" });
    const page = await platform.trunk.list({ search: "keep", page: 1, pageSize: 5 });
    expect(page.items.map((t) => t.name)).toEqual(["Keeper"]);
    const all = await platform.trunk.list({ search: "", page: 2, pageSize: 5 });
    expect(all.total).toBeGreaterThan(5);
    expect(all.items.length).toBe(all.total - 5);

    const victim = page.items[0]!;
    await platform.trunk.delete({ id: victim.id });
    expect(await getDb().trunk.findUnique({ where: { id: victim.id } })).toBeNull();
    expect(
      await getDb().auditLog.count({ where: { entityId: victim.id, action: "trunk.delete", tenantId: null } }),
    ).toBe(1);
  });

  it("says which drivers this installation has configured, and refuses the others beside the driver field", async () => {
    // This installation sets nothing for FreeSWITCH or the HTTP fax API (the test environment's default).
    expect(await platform.trunk.drivers()).toEqual([
      { driver: "LOOPBACK", configured: true, reason: null },
      {
        driver: "FREESWITCH",
        configured: false,
        reason:
          "FreeSWITCH is not configured on this installation: set FREESWITCH_ESL_HOST, FREESWITCH_ESL_PASSWORD and FREESWITCH_GATEWAY_DIR in .env",
      },
      {
        driver: "HTTP_API",
        configured: false,
        reason: expect.stringMatching(
          /^The HTTP fax API is not configured on this installation: set FAX_API_BASE_URL, /,
        ),
      },
    ]);
    const refused = {
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^FreeSWITCH is not configured on this installation: set /),
      cause: { field: "driver" },
    };
    await expect(platform.trunk.create({ ...base, name: "Nowhere", driver: "FREESWITCH" })).rejects.toMatchObject(
      refused,
    );
    expect(await getDb().trunk.count({ where: { name: "Nowhere" } })).toBe(0);
    const trunk = await platform.trunk.create({ ...base, name: "Somewhere" });
    await expect(
      platform.trunk.update({ ...base, id: trunk.id, name: "Somewhere", driver: "FREESWITCH", sipPassword: "" }),
    ).rejects.toMatchObject(refused);
    await expect(platform.trunk.drivers()).resolves.toHaveLength(3);
    await expect(tenantAdmin.trunk.drivers()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("is platform-only: a tenant admin is FORBIDDEN", async () => {
    await expect(tenantAdmin.trunk.list({ search: "", page: 1, pageSize: 20 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(tenantAdmin.trunk.create({ ...base, name: "Sneaky" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
