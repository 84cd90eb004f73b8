/**
 * A domain a tenant admin adds serves nothing until it is proven: this server answers its token
 * over HTTP on that name, a DNS TXT record holds it, or a platform admin approves it.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { runInScope } from "../../server/db/run-in-scope";
import { domainTokenFor } from "../../server/tenant/domain-token";
import { resolveHost } from "../../server/tenant/resolve-tenant";
import { httpTokenProbe } from "../../server/tenant/verify-domain";
import { callerFor, makePlatformAdmin, makeTenant } from "../support/fixtures";

type Caller = Awaited<ReturnType<typeof callerFor>>;
let acme: Awaited<ReturnType<typeof makeTenant>>;
let acmeAdmin: Caller;
let platform: Caller;
let server: Server;
let port: number;

const brand = { name: "Acme", domainTitle: "", footerText: "" };
const rowOf = (hostname: string) => getDb().tenantDomain.findUnique({ where: { hostname } });

beforeAll(async () => {
  acme = await makeTenant("Acme", "acme.localhost");
  await makeTenant("Globex", "fax.globex.example");
  acmeAdmin = await callerFor(acme.admin.id, acme.hostname);
  platform = await callerFor((await makePlatformAdmin()).id, "localhost");
  // The portal's own answer at /.well-known/faxport-domain-verification, over real HTTP.
  server = createServer((req, res) => {
    void domainTokenFor(req.headers.host).then((token) => {
      res.writeHead(token ? 200 : 404, { "content-type": "text/plain" });
      res.end(token ?? "Not found");
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

/** DNS for every name points at the test server (as a real domain's A record would). */
const pointedHere = () =>
  httpTokenProbe({ port, lookup: (_host, _opts, cb) => cb(null, [{ address: "127.0.0.1", family: 4 }]) });
const pointedElsewhere = () =>
  httpTokenProbe({ port: 9, lookup: (_h, _o, cb) => cb(null, [{ address: "127.0.0.1", family: 4 }]) });

describe("domains a tenant admin adds", () => {
  it("wait for proof: an unverified claim serves nothing while the verified domain keeps working", async () => {
    await acmeAdmin.branding.update({ ...brand, domains: ["fax.acme.test", "acme.localhost"] });
    expect(await rowOf("fax.acme.test")).toMatchObject({ verifiedAt: null, isPrimary: false });
    expect((await resolveHost("fax.acme.test")).kind).toBe("unknown");
    expect(await resolveHost("acme.localhost")).toMatchObject({
      kind: "tenant",
      tenant: { id: acme.tenant.id, primaryHost: "acme.localhost" },
    });
    const branding = await acmeAdmin.branding.get({});
    expect(branding.domains).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ hostname: "acme.localhost", verified: true }),
        expect.objectContaining({ hostname: "fax.acme.test", verified: false, token: expect.any(String) }),
      ]),
    );
  });

  it.each([
    ["127.0.0.2", "Use a domain name, not an IP address"],
    ["2130706433", "Use a domain name, not an IP address"],
    ["[::1]", "Use a domain name, not an IP address"],
    ["localhost", "localhost is the platform's own address and cannot belong to an organisation."],
    ["fax.globex.example", "The domain fax.globex.example is already used by another organisation."],
  ])("refuses %s", async (hostname, message) => {
    await expect(acmeAdmin.branding.update({ ...brand, domains: ["acme.localhost", hostname] })).rejects.toThrow(
      message,
    );
    expect(await resolveHost("fax.globex.example")).toMatchObject({ kind: "tenant", tenant: { name: "Globex" } });
  });

  it("is not verified when the domain points elsewhere, with a message saying what to do", async () => {
    // Through the router, with the real probes: .test names resolve nowhere.
    await expect(acmeAdmin.branding.verifyDomain({ hostname: "fax.acme.test" })).rejects.toThrow(
      /fax\.acme\.test is not verified yet/,
    );
    const { verifyDomain } = await import("../../server/tenant/verify-domain");
    await expect(
      runInScope({ scope: { kind: "tenant", tenantId: acme.tenant.id }, actor: null }, (ctx) =>
        verifyDomain({
          ctx,
          tenantId: acme.tenant.id,
          hostname: "fax.acme.test",
          probes: { httpToken: pointedElsewhere(), txtRecords: async () => [] },
        }),
      ),
    ).rejects.toThrow(/_faxport\.fax\.acme\.test/);
    expect(await rowOf("fax.acme.test")).toMatchObject({ verifiedAt: null });
  });

  it("is verified when this server answers its token on that name, then serves the tenant", async () => {
    const { verifyDomain } = await import("../../server/tenant/verify-domain");
    // The token is served only for a pending domain's own host name.
    expect(await domainTokenFor("acme.localhost")).toBeNull();
    expect(await domainTokenFor("fax.acme.test:80")).toBe((await rowOf("fax.acme.test"))!.verificationToken);
    await runInScope({ scope: { kind: "tenant", tenantId: acme.tenant.id }, actor: null }, (ctx) =>
      verifyDomain({
        ctx,
        tenantId: acme.tenant.id,
        hostname: "fax.acme.test",
        probes: { httpToken: pointedHere(), txtRecords: async () => [] },
      }),
    );
    expect(await rowOf("fax.acme.test")).toMatchObject({ verifiedBy: "HTTP", verifiedAt: expect.any(Date) });
    expect(await resolveHost("fax.acme.test")).toMatchObject({ kind: "tenant", tenant: { id: acme.tenant.id } });
    expect(await domainTokenFor("fax.acme.test")).toBeNull();
  });

  it("is verified by a DNS TXT record holding its token", async () => {
    const { verifyDomain } = await import("../../server/tenant/verify-domain");
    await acmeAdmin.branding.update({ ...brand, domains: ["acme.localhost", "fax.acme.test", "dns.acme.test"] });
    const token = (await rowOf("dns.acme.test"))!.verificationToken;
    const asked: string[] = [];
    await runInScope({ scope: { kind: "tenant", tenantId: acme.tenant.id }, actor: null }, (ctx) =>
      verifyDomain({
        ctx,
        tenantId: acme.tenant.id,
        hostname: "dns.acme.test",
        probes: {
          httpToken: pointedElsewhere(),
          txtRecords: async (name) => {
            asked.push(name);
            return [["v=spf1 -all"], [`faxport-domain-verification=${token}`]];
          },
        },
      }),
    );
    expect(asked).toEqual(["_faxport.dns.acme.test"]);
    expect(await rowOf("dns.acme.test")).toMatchObject({ verifiedBy: "DNS" });
  });

  it("is approved by a platform admin only", async () => {
    await acmeAdmin.branding.update({ ...brand, domains: ["acme.localhost", "approve.acme.test"] });
    await expect(
      acmeAdmin.branding.approveDomain({ tenantId: acme.tenant.id, hostname: "approve.acme.test" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await platform.branding.approveDomain({ tenantId: acme.tenant.id, hostname: "approve.acme.test" });
    expect(await rowOf("approve.acme.test")).toMatchObject({ verifiedBy: "PLATFORM" });
    expect((await resolveHost("approve.acme.test")).kind).toBe("tenant");
    expect(
      await getDb().auditLog.count({ where: { tenantId: acme.tenant.id, action: "branding.domain-approve" } }),
    ).toBe(1);
  });
});

describe("domains a platform admin sets", () => {
  it("are verified at once; a tenant admin's pending claim stays pending when the tenant is saved", async () => {
    const created = await platform.tenant.create({
      name: "Initech",
      domains: ["fax.initech.test"],
      dailyFaxLimit: 10,
      monthlyFaxLimit: 100,
      retentionMinDays: 1,
      retentionMaxDays: 30,
      retentionDays: null,
      admin: { username: "initech-boss", email: "boss@initech.test" },
    });
    expect(await rowOf("fax.initech.test")).toMatchObject({ verifiedBy: "PLATFORM", isPrimary: true });
    expect((await resolveHost("fax.initech.test")).kind).toBe("tenant");

    await acmeAdmin.branding.update({ ...brand, domains: ["acme.localhost", "pending.acme.test"] });
    const t = await platform.tenant.get({ id: acme.tenant.id });
    await platform.tenant.update({
      ...t,
      domains: [...t.domains.map((d) => d.hostname), "added.acme.test"],
    });
    expect(await rowOf("pending.acme.test")).toMatchObject({ verifiedAt: null });
    expect(await rowOf("added.acme.test")).toMatchObject({ verifiedBy: "PLATFORM" });
    expect(created.id).toBeTruthy();
  });
});

describe("a domain change", () => {
  it("keeps the old address serving until the new one is proven, then moves everyone to it", async () => {
    const move = await makeTenant("Mover", "old.mover.test");
    const admin = await callerFor(move.admin.id, move.hostname);
    const moverBrand = { name: "Mover", domainTitle: "", footerText: "" };
    await admin.branding.update({ ...moverBrand, domains: ["new.mover.test"] });
    // The old address still serves and stays primary (links in mail keep working); the new waits.
    expect(await rowOf("old.mover.test")).toMatchObject({ retiring: true, isPrimary: true });
    expect(await rowOf("new.mover.test")).toMatchObject({ verifiedAt: null, isPrimary: false });
    expect(await resolveHost("old.mover.test")).toMatchObject({
      kind: "tenant",
      tenant: { primaryHost: "old.mover.test" },
    });
    expect((await resolveHost("new.mover.test")).kind).toBe("unknown");
    // Saving again keeps the old one until the change is done; listing it again calls it off.
    await admin.branding.update({ ...moverBrand, domains: ["new.mover.test"] });
    expect(await rowOf("old.mover.test")).toMatchObject({ retiring: true });
    await admin.branding.update({ ...moverBrand, domains: ["old.mover.test", "new.mover.test"] });
    expect(await rowOf("old.mover.test")).toMatchObject({ retiring: false, isPrimary: true });
    await admin.branding.update({ ...moverBrand, domains: ["new.mover.test"] });

    const { verifyDomain } = await import("../../server/tenant/verify-domain");
    const result = await runInScope({ scope: { kind: "tenant", tenantId: move.tenant.id }, actor: null }, (ctx) =>
      verifyDomain({
        ctx,
        tenantId: move.tenant.id,
        hostname: "new.mover.test",
        probes: { httpToken: pointedHere(), txtRecords: async () => [] },
      }),
    );
    expect(result.retired).toEqual(["old.mover.test"]);
    expect(await rowOf("old.mover.test")).toBeNull();
    expect(await rowOf("new.mover.test")).toMatchObject({ isPrimary: true, retiring: false });
    expect((await resolveHost("old.mover.test")).kind).toBe("unknown");
    expect(await resolveHost("new.mover.test")).toMatchObject({
      kind: "tenant",
      tenant: { primaryHost: "new.mover.test" },
    });
  });

  it("is completed by a platform admin's approval too", async () => {
    const move = await makeTenant("Approved Mover", "old.approved.test");
    const admin = await callerFor(move.admin.id, move.hostname);
    await admin.branding.update({
      name: "Approved Mover",
      domainTitle: "",
      footerText: "",
      domains: ["new.approved.test"],
    });
    await platform.branding.approveDomain({ tenantId: move.tenant.id, hostname: "new.approved.test" });
    expect(await rowOf("old.approved.test")).toBeNull();
    expect(await rowOf("new.approved.test")).toMatchObject({ isPrimary: true, verifiedBy: "PLATFORM" });
  });
});

describe("domain availability while typing", () => {
  it("says a domain is taken or the platform's, without saying whose, and nothing of one's own", async () => {
    expect(await acmeAdmin.branding.domainAvailable({ hostnames: ["acme.localhost", "free.acme.test"] })).toEqual({
      hostname: null,
      problem: null,
    });
    expect(await acmeAdmin.branding.domainAvailable({ hostnames: ["fax.globex.example"] })).toEqual({
      hostname: "fax.globex.example",
      problem: "fax.globex.example is taken by another organisation.",
    });
    expect((await acmeAdmin.branding.domainAvailable({ hostnames: ["LOCALHOST"] })).problem).toBe(
      "localhost is the platform's own address and cannot belong to an organisation.",
    );
    // A platform admin creating an organisation: every existing domain is taken.
    expect((await platform.branding.domainAvailable({ hostnames: ["acme.localhost"] })).problem).toBe(
      "acme.localhost is taken by another organisation.",
    );
    expect(
      (await platform.branding.domainAvailable({ tenantId: acme.tenant.id, hostnames: ["acme.localhost"] })).problem,
    ).toBeNull();
  });
});
