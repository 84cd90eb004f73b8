import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  type AuditRow,
  describeAddress,
  describeAudit,
  describeDetails,
  type Segment,
  sentenceText,
} from "@/lib/audit/describe-audit";

const tenantAdmin = { platform: false };
const platform = { platform: true };

function row(action: string, details: unknown = {}, extra: Partial<AuditRow> = {}): AuditRow {
  return {
    action,
    entityType: "Thing",
    entityId: null,
    details,
    actor: "Ana Lee",
    tenantName: "Acme Health",
    ...extra,
  };
}
const text = (r: AuditRow, viewer = tenantAdmin) => sentenceText(describeAudit(r, viewer).sentence);
const links = (r: AuditRow, viewer = tenantAdmin) =>
  describeAudit(r, viewer).sentence.filter((s): s is Exclude<Segment, string> => typeof s !== "string");

/** Every audit action code the server writes, read from its source. */
function actionsInSource(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.tsx?$/.test(name)) {
        for (const m of readFileSync(file, "utf8").matchAll(/action: "([a-zA-Z.-]+)"/g)) found.add(m[1]!);
      }
    }
  };
  for (const dir of ["server", "inngest", "app", "prisma"]) walk(path.resolve(dir));
  return [...found].sort();
}

describe("describeAudit", () => {
  it("has a sentence of its own for every action the code base writes", () => {
    const actions = actionsInSource();
    expect(actions.length).toBeGreaterThan(25);
    for (const action of actions) {
      const sentence = text(row(action, { username: "bob", number: "+12125550100", name: "X" }));
      expect(sentence, action).not.toMatch(/made a change|undefined|null|\[object/);
      expect(sentence, action).not.toContain(action);
    }
  });

  it("says who forwarded which fax number, linked to the fax numbers page filtered to it", () => {
    const r = row("did.forward", { number: "+12125550100", forward: "EMAIL", forwardEmail: "ana@acme.test" });
    expect(text(r)).toBe("Ana Lee forwarded fax number +1 212 555 0100 to email");
    expect(links(r)).toEqual([{ text: "+1 212 555 0100", href: "/admin/dids?search=%2B12125550100" }]);
    expect(text(row("did.forward", { number: "+12125550100", forward: "NONE" }))).toBe(
      "Ana Lee turned off forwarding for fax number +1 212 555 0100",
    );
  });

  it("names users with a link to the users list, except once deleted", () => {
    const lock = row("user.lock", { username: "bob" }, { actor: "Platform admin" });
    expect(text(lock)).toBe("Platform admin locked user bob");
    expect(links(lock)).toEqual([{ text: "bob", href: "/admin/users?search=bob" }]);
    expect(links(row("user.delete", { username: "bob" }))).toEqual([]);
    expect(text(row("user.delete", { username: "bob" }))).toBe("Ana Lee deleted user bob");
  });

  it("uses the resolved user name when the entry has none, and the system when nobody acted", () => {
    const reset = row("user.password-reset", {}, { actor: null, subjectName: "carol" });
    expect(text(reset)).toBe("User carol reset their password with an emailed link");
    expect(text(row("user.lockout", { username: "dave", minutes: 15 }, { actor: null }))).toBe(
      "Sign-in for user dave was paused for 15 minutes after repeated wrong passwords",
    );
    expect(text(row("user.create", { username: "erin" }, { actor: null }))).toBe("The system created user erin");
  });

  it("links organisations and SIP trunks only for platform admins, who also read whose branding changed", () => {
    expect(links(row("tenant.create", { name: "Globex" }), platform)).toEqual([
      { text: "Globex", href: "/admin/tenants?search=Globex" },
    ]);
    expect(links(row("tenant.create", { name: "Globex" }), tenantAdmin)).toEqual([]);
    expect(text(row("branding.update"), platform)).toBe("Ana Lee updated the branding of Acme Health");
    expect(text(row("branding.update"), tenantAdmin)).toBe("Ana Lee updated the branding");
    expect(text(row("trunk.update", { name: "Carrier A" }), platform)).toBe("Ana Lee updated SIP trunk Carrier A");
  });

  it("reads assignments, pool returns, bulk adds, retention and time zones", () => {
    expect(text(row("did.assign", { number: "+12125550100", username: "bob", tenantId: "t" }))).toBe(
      "Ana Lee assigned fax number +1 212 555 0100 to bob",
    );
    expect(text(row("did.assign", { number: "+12125550100", username: null, tenantId: "t" }))).toBe(
      "Ana Lee unassigned fax number +1 212 555 0100",
    );
    expect(text(row("did.bulkCreate", { added: 3, skipped: 1, title: "Sales" }))).toBe(
      "Ana Lee added 3 fax numbers titled Sales (1 skipped)",
    );
    expect(text(row("tenant.retention", { retentionDays: null }))).toBe("Ana Lee set retention to the maximum allowed");
    expect(text(row("tenant.time-zone", { timeZone: "Europe/Berlin" }))).toBe(
      "Ana Lee set the time zone to Europe/Berlin",
    );
    expect(text(row("tenant.country", { country: "GB", previous: "US" }))).toBe(
      "Ana Lee set the country for fax numbers to United Kingdom (GB)",
    );
  });

  it("turns a code it does not know into words, not a bare code", () => {
    expect(text(row("tenant.domain-change", {}, { entityType: "TenantDomain" }))).toBe(
      "Ana Lee made a change: tenant domain change (tenant domain)",
    );
  });
});

describe("describeDetails", () => {
  it("lists details as labelled values without ids or JSON", () => {
    expect(
      describeDetails({
        username: "bob",
        role: { from: "TENANT_ADMIN", to: "USER" },
        permissions: [],
        tenantId: "0b7c…",
        mustChangePassword: true,
      }),
    ).toEqual([
      { label: "Username", value: "bob" },
      { label: "Role", value: "tenant admin → user" },
      { label: "Permissions", value: "—" },
      { label: "Must change password", value: "Yes" },
    ]);
  });

  it("shows policy changes by setting, earlier values first, and long lists shortened", () => {
    expect(describeDetails({ changes: { minLength: [10, 12], requireSymbol: [false, true] } })).toEqual([
      { label: "Min length", value: "10 → 12" },
      { label: "Require symbol", value: "No → Yes" },
    ]);
    const numbers = Array.from({ length: 12 }, (_, i) => `+1212555010${i}`.slice(0, 12));
    const [entry] = describeDetails({ numbers });
    expect(entry!.value).toMatch(/^\+1 212 555 010\d, .* and 2 more$/);
    expect(describeDetails({ previous: { name: "Old", domains: ["a.test", "b.test"] } })).toEqual([
      { label: "Before name", value: "Old" },
      { label: "Before domains", value: "a.test, b.test" },
    ]);
  });
});

describe("describeAddress", () => {
  it("reads loopback as this server, unwraps IPv4 and names private networks", () => {
    expect(describeAddress("::1")).toBe("this server (local)");
    expect(describeAddress("127.0.0.1")).toBe("this server (local)");
    expect(describeAddress("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(describeAddress("10.0.0.5")).toBe("10.0.0.5 (private network)");
    expect(describeAddress("2001:db8::1")).toBe("2001:db8::1");
    expect(describeAddress(null)).toBe("—");
  });
});
