import { describe, expect, it } from "vitest";
import { brandingUpdateSchema } from "@/lib/schemas/branding";
import { hostnameSchema } from "@/lib/schemas/common";
import { tenantCreateSchema } from "@/lib/schemas/tenant";
import { sipHostSchema } from "@/lib/schemas/trunk";
import { userCreateFormSchema } from "@/lib/schemas/user";

const message = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? null : r.error!.issues[0]!.message;

describe("a tenant's domain name", () => {
  it.each(["fax.acme.com", "acme.localhost", "FAX.Example.ORG", "1password.com", "a-b.c0m"])("accepts %s", (h) => {
    expect(hostnameSchema.safeParse(h).success).toBe(true);
  });

  it.each([
    "127.0.0.2",
    "10.1.2.3",
    "2130706433", // 127.0.0.1 as one decimal number
    "0x7f000001", // … as hexadecimal
    "0x7f.1",
    "127.1",
    "1.2.3.4.",
    "::1",
    "[::1]",
    "[fe80::1]",
  ])("refuses the IP address %s", (h) => {
    expect(message(hostnameSchema.safeParse(h))).toBe("Use a domain name, not an IP address");
  });

  it("is the same rule for SIP hosts, which may also be IP addresses", () => {
    expect(sipHostSchema.safeParse("10.1.2.3").success).toBe(true);
    expect(sipHostSchema.safeParse("sip.example.com").success).toBe(true);
    expect(sipHostSchema.safeParse("bad_host.example").success).toBe(false);
  });
});

describe("text shown to others", () => {
  const RLO = "\u202E";
  const base = { name: "Acme", domains: ["acme.localhost"], domainTitle: "", footerText: "" };
  const limits = { dailyFaxLimit: 1, monthlyFaxLimit: 1, retentionMinDays: 1, retentionMaxDays: 1 };
  const plain = "Remove invisible or text-direction control characters";

  it.each([
    ["\u202E", "right-to-left override"],
    ["\u2066", "left-to-right isolate"],
    ["\u200F", "right-to-left mark"],
    ["\u200B", "zero-width space"],
    ["\u0007", "a control character"],
  ])("refuses %j (%s) in names, titles and footers", (ch) => {
    expect(message(brandingUpdateSchema.safeParse({ ...base, name: `Acme${ch}gpj.exe` }))).toBe(plain);
    expect(message(brandingUpdateSchema.safeParse({ ...base, domainTitle: `Fax${ch}` }))).toBe(plain);
    expect(message(brandingUpdateSchema.safeParse({ ...base, footerText: `${ch}© Acme` }))).toBe(plain);
    expect(message(tenantCreateSchema.safeParse({ ...base, ...limits, name: `Acme${ch}` }))).toBe(plain);
  });

  it("refuses them in person names", () => {
    const user = {
      tenantId: null,
      email: "ann@example.com",
      roles: { user: false, tenant: false, admin: true },
      password: "x",
    };
    expect(message(userCreateFormSchema.safeParse({ ...user, firstName: `Ann${RLO}` }))).toBe(plain);
    expect(message(userCreateFormSchema.safeParse({ ...user, lastName: `${RLO}Smith` }))).toBe(plain);
    expect(userCreateFormSchema.safeParse({ ...user, firstName: "Zoë", lastName: "محمد" }).success).toBe(true);
  });

  it("keeps ordinary text in any script", () => {
    expect(brandingUpdateSchema.safeParse({ ...base, name: "Café Ünited 株式会社 שלום" }).success).toBe(true);
  });
});
