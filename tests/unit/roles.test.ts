import { describe, expect, it } from "vitest";
import { navigationFor, roleFromChoices, settingsFor } from "@/lib/roles";

describe("roles", () => {
  it("saves user + tenant as tenant admin", () => {
    expect(roleFromChoices({ user: true, tenant: true })).toBe("TENANT_ADMIN");
    expect(roleFromChoices({ user: true })).toBe("USER");
  });

  it("shows Administration only to admins, and platform sections only to platform admins", () => {
    const labels = (role: Parameters<typeof navigationFor>[0]) =>
      navigationFor(role).flatMap((i) => [i.label, ...(i.children ?? []).map((c) => c.label)]);
    expect(labels("USER")).not.toContain("Administration");
    expect(labels("USER")).toContain("Send fax");
    expect(labels("USER")).not.toContain("Settings");
    expect(labels("TENANT_ADMIN")).toContain("Users");
    expect(labels("TENANT_ADMIN")).not.toContain("Organisations");
    expect(labels("PLATFORM_ADMIN")).toContain("Organisations");
    expect(labels("PLATFORM_ADMIN")).toContain("SIP trunks");
    // Every organisation's sent faxes (metadata) for the platform; organisations use Send fax.
    expect(labels("PLATFORM_ADMIN")).toContain("Sent faxes");
    expect(labels("PLATFORM_ADMIN")).not.toContain("Send fax");
    expect(labels("TENANT_ADMIN")).not.toContain("Sent faxes");
  });

  it("marks the sections not released yet, and only those", () => {
    const soon = navigationFor("USER")
      .flatMap((i) => [i, ...(i.children ?? [])])
      .filter((i) => i.soon)
      .map((i) => i.href);
    expect(soon).toEqual(["/received", "/contacts", "/contacts/groups", "/campaigns", "/reports"]);
    for (const released of ["/my-dids", "/send", "/documents"]) {
      expect(navigationFor("USER").find((i) => i.href === released)?.soon).toBeUndefined();
    }
  });

  it("groups Branding, Retention and Security policy under Settings; retention is the organisation admin's", () => {
    expect(settingsFor("TENANT_ADMIN").map((i) => i.label)).toEqual([
      "Branding",
      "Retention",
      "Time zone",
      "Country",
      "Security policy",
    ]);
    expect(settingsFor("PLATFORM_ADMIN").map((i) => i.label)).toEqual(["Branding", "Security policy"]);
    expect(settingsFor("USER")).toEqual([]);
  });

  it("gives each role one Fax numbers page: organisation admins the organisation's (with Mine), users their own", () => {
    const pages = (role: Parameters<typeof navigationFor>[0]) =>
      navigationFor(role)
        .flatMap((i) => [i, ...(i.children ?? [])])
        .filter((i) => /^(My f|F)ax numbers$/.test(i.label))
        .map((i) => i.href);
    expect(pages("TENANT_ADMIN")).toEqual(["/admin/dids"]);
    expect(pages("USER")).toEqual(["/my-dids"]);
    expect(pages("PLATFORM_ADMIN")).toEqual(["/admin/dids"]);
  });
});
