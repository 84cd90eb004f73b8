import { beforeAll, describe, expect, it } from "vitest";
import { SVG_UNSAFE } from "../../lib/branding/sanitize-svg";
import { LOGO_MAX_BYTES } from "../../lib/schemas/branding";
import { getDb } from "../../server/db/client";
import { resolveHost } from "../../server/tenant/resolve-tenant";
import { callerFor, makePlatformAdmin, makeTenant } from "../support/fixtures";

type Caller = Awaited<ReturnType<typeof callerFor>>;
let acme: Awaited<ReturnType<typeof makeTenant>>;
let other: Awaited<ReturnType<typeof makeTenant>>;
let acmeAdmin: Caller;
let acmeUser: Caller;
let platform: Caller;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("png body")]);
const base64 = (b: Buffer) => b.toString("base64");
const logoOf = (tenantId: string) =>
  getDb().tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { logo: true, logoMimeType: true, logoUpdatedAt: true },
  });

beforeAll(async () => {
  acme = await makeTenant("Acme", "acme.localhost");
  other = await makeTenant("Other Co", "other.localhost");
  const root = await makePlatformAdmin();
  acmeAdmin = await callerFor(acme.admin.id, acme.hostname);
  acmeUser = await callerFor(acme.user.id, acme.hostname);
  platform = await callerFor(root.id, "localhost");
});

const brand = {
  name: "Acme Health",
  domains: ["acme.localhost"],
  domainTitle: "Acme Fax Center",
  footerText: "© Acme Health Ltd",
};

describe("branding", () => {
  it("shows a tenant admin's change on the tenant's domain at once, and audits it", async () => {
    expect(await resolveHost("acme.localhost")).toMatchObject({ kind: "tenant" }); // warms the host cache
    await acmeAdmin.branding.update(brand);
    const host = await resolveHost("acme.localhost");
    expect(host.kind === "tenant" && host.tenant).toMatchObject({
      name: "Acme Health",
      domainTitle: "Acme Fax Center",
      footerText: "© Acme Health Ltd",
    });
    expect(await getDb().auditLog.count({ where: { tenantId: acme.tenant.id, action: "branding.update" } })).toBe(1);
    expect(await acmeAdmin.branding.get({})).toMatchObject({ name: "Acme Health", logoDataUrl: null });
  });

  it("moves the portal to a new domain name, and clears empty title and footer", async () => {
    await acmeAdmin.branding.update({
      ...brand,
      domains: ["fax.acme.test", "acme.localhost"],
      domainTitle: "",
      footerText: "",
    });
    // A tenant admin's new domain serves nothing until verified; the old one keeps working.
    expect((await resolveHost("fax.acme.test")).kind).toBe("unknown");
    expect(await resolveHost("acme.localhost")).toMatchObject({ tenant: { primaryHost: "acme.localhost" } });
    await platform.branding.approveDomain({ tenantId: acme.tenant.id, hostname: "fax.acme.test" });
    await acmeAdmin.branding.update({
      ...brand,
      domains: ["fax.acme.test", "acme.localhost"],
      domainTitle: "",
      footerText: "",
    });
    const host = await resolveHost("fax.acme.test");
    expect(host.kind === "tenant" && host.tenant).toMatchObject({
      id: acme.tenant.id,
      domainTitle: null,
      footerText: null,
      primaryHost: "fax.acme.test",
    });
    await acmeAdmin.branding.update(brand);
    expect((await resolveHost("fax.acme.test")).kind).toBe("unknown");
  });

  it("refuses a domain name another tenant uses, and changes nothing", async () => {
    await expect(
      acmeAdmin.branding.update({ ...brand, name: "Renamed", domains: ["other.localhost"] }),
    ).rejects.toThrow(/already used by another organisation/);
    await expect(
      platform.branding.update({ ...brand, tenantId: acme.tenant.id, name: "Renamed", domains: ["other.localhost"] }),
    ).rejects.toThrow(/already used by another organisation/);
    expect((await getDb().tenant.findUniqueOrThrow({ where: { id: acme.tenant.id } })).name).toBe("Acme Health");
    expect(await resolveHost("other.localhost")).toMatchObject({ kind: "tenant", tenant: { id: other.tenant.id } });
  });

  it("stores a real logo, bumps its version on the domain, and removes it", async () => {
    const result = await acmeAdmin.branding.uploadLogo({ mimeType: "image/png", data: base64(PNG) });
    expect(result.logoMimeType).toBe("image/png");
    const stored = await logoOf(acme.tenant.id);
    expect(Buffer.from(stored.logo!)).toEqual(PNG);
    const host = await resolveHost("acme.localhost");
    expect(host.kind === "tenant" && host.tenant).toMatchObject({
      hasLogo: true,
      logoVersion: stored.logoUpdatedAt!.getTime(),
    });
    expect((await acmeAdmin.branding.get({})).logoDataUrl).toBe(`data:image/png;base64,${base64(PNG)}`);

    await acmeAdmin.branding.removeLogo({});
    expect(await logoOf(acme.tenant.id)).toMatchObject({ logo: null, logoMimeType: null });
    const after = await resolveHost("acme.localhost");
    expect(after.kind === "tenant" && after.tenant.hasLogo).toBe(false);
    const actions = await getDb().auditLog.findMany({
      where: { tenantId: acme.tenant.id, action: { startsWith: "branding.logo" } },
    });
    expect(actions.map((a) => a.action).sort()).toEqual(["branding.logo-remove", "branding.logo-upload"]);
  });

  it("stores an SVG logo as rebuilt drawing, not as uploaded", async () => {
    const upload = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:i="urn:inkscape" i:v="1"><rect width="4"/></svg>';
    await acmeAdmin.branding.uploadLogo({ mimeType: "image/svg+xml", data: base64(Buffer.from(upload)) });
    const stored = await logoOf(acme.tenant.id);
    expect(Buffer.from(stored.logo!).toString("utf8")).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg"><rect width="4"/></svg>',
    );
    await acmeAdmin.branding.removeLogo({});
  });

  it("refuses an oversized or mis-typed logo and keeps the current one", async () => {
    await acmeAdmin.branding.uploadLogo({ mimeType: "image/png", data: base64(PNG) });
    const before = await logoOf(acme.tenant.id);
    const big = Buffer.concat([PNG, Buffer.alloc(LOGO_MAX_BYTES)]);
    await expect(acmeAdmin.branding.uploadLogo({ mimeType: "image/png", data: base64(big) })).rejects.toThrow(
      "The logo is larger than 256 KB",
    );
    const wrong = "The logo must be a PNG, JPEG, GIF, WebP or SVG image";
    await expect(acmeAdmin.branding.uploadLogo({ mimeType: "image/gif", data: base64(PNG) })).rejects.toThrow(wrong);
    await expect(
      acmeAdmin.branding.uploadLogo({ mimeType: "application/pdf", data: base64(Buffer.from("%PDF-1.7")) }),
    ).rejects.toThrow(wrong);
    await expect(
      acmeAdmin.branding.uploadLogo({
        mimeType: "image/svg+xml",
        data: base64(Buffer.from('<svg onload="alert(1)"/>')),
      }),
    ).rejects.toThrow(SVG_UNSAFE);
    await expect(acmeAdmin.branding.uploadLogo({ mimeType: "image/png", data: "not base64 at all!" })).rejects.toThrow(
      wrong,
    );
    expect(await logoOf(acme.tenant.id)).toEqual(before);
  });

  it("keeps a tenant admin to their own tenant, and plain users out", async () => {
    await expect(
      acmeAdmin.branding.update({ ...brand, tenantId: other.tenant.id, domains: ["other.localhost"] }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(acmeAdmin.branding.get({ tenantId: other.tenant.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      acmeAdmin.branding.uploadLogo({ tenantId: other.tenant.id, mimeType: "image/png", data: base64(PNG) }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(acmeUser.branding.get({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await getDb().tenant.findUniqueOrThrow({ where: { id: other.tenant.id } })).logoMimeType).toBeNull();
  });

  it("lets a platform admin brand any tenant it chooses", async () => {
    await expect(platform.branding.get({})).rejects.toThrow(/Choose an organisation/);
    await platform.branding.update({
      tenantId: other.tenant.id,
      name: "Other Brand",
      domains: ["other.localhost"],
      domainTitle: "",
      footerText: "Hi",
    });
    const host = await resolveHost("other.localhost");
    expect(host.kind === "tenant" && host.tenant).toMatchObject({ name: "Other Brand", footerText: "Hi" });
    const audit = await getDb().auditLog.findFirstOrThrow({
      where: { tenantId: other.tenant.id, action: "branding.update" },
    });
    expect(audit.actorName).toBe("root");
  });
});
