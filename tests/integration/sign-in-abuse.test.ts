/**
 * Findings of an outside probe (issue 5, section 2): lockout under concurrency, who can lock whom,
 * and one tenant's names against another's. A clock and origins the test controls.
 */
import { describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { resolveHost } from "../../server/tenant/resolve-tenant";
import { createUserInput, signInWith } from "../support/credentials";
import { callerFor, makePlatformAdmin, makeTenant, PASSWORD } from "../support/fixtures";

let nextIp = 0;
const attempt = async (
  username: string,
  password: string,
  host: string,
  opts: { ip?: string | null; device?: string | null; now?: Date } = {},
) =>
  signInWith({
    username,
    password,
    host: await resolveHost(host),
    ip: opts.ip === undefined ? `10.20.${nextIp++ % 250}.1` : opts.ip,
    device: opts.device,
    now: opts.now,
  });

describe("lockout under concurrency", () => {
  it("40 parallel wrong passwords check at most the policy's number, then lock", async () => {
    const t = await makeTenant("Race Co", "race.localhost"); // policy: 3 failures → 15 minutes
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => attempt(t.user.username, `wrong-${i}`, t.hostname, { ip: "10.21.0.1" })),
    );
    const wrongPasswordAnswers = results.filter((r) => !r.ok && r.reason === "invalid");
    expect(wrongPasswordAnswers.length).toBeLessThanOrEqual(2);
    expect(results.every((r) => !r.ok)).toBe(true);
    // The same origin is now locked out, even with the right password.
    expect(await attempt(t.user.username, PASSWORD, t.hostname, { ip: "10.21.0.1" })).toMatchObject({
      ok: false,
      reason: "locked-out",
    });
  });
});

describe("who can lock whom", () => {
  it("failures on an unknown host do not lock the platform admin", async () => {
    const root = await makePlatformAdmin("lock-root");
    const ip = "10.22.0.1"; // the same address throughout: only the host differs
    for (let i = 0; i < 6; i++) await attempt(root.username, `wrong-${i}`, "nowhere.example", { ip });
    expect((await attempt(root.username, PASSWORD, "localhost", { ip })).ok).toBe(true);
  });

  it("failures on another tenant's host do not lock a tenant's user", async () => {
    const acme = await makeTenant("Lock Acme", "lock-acme.localhost");
    const globex = await makeTenant("Lock Globex", "lock-globex.localhost");
    const ip = "10.23.0.1";
    for (let i = 0; i < 6; i++) await attempt(acme.user.username, `wrong-${i}`, globex.hostname, { ip });
    expect((await attempt(acme.user.username, PASSWORD, acme.hostname, { ip })).ok).toBe(true);
  });

  it("a stranger's failures do not lock the owner's known browser", async () => {
    const t = await makeTenant("Device Co", "device.localhost");
    const first = await attempt(t.user.username, PASSWORD, t.hostname, { ip: "10.30.0.1" });
    expect(first.ok).toBe(true);
    const { issueDeviceCookie } = await import("../../server/auth/device-cookie");
    const device = first.ok ? issueDeviceCookie(first.realm, first.login) : null;
    for (let i = 0; i < 6; i++) await attempt(t.user.username, `wrong-${i}`, t.hostname, { ip: "10.99.0.1" });
    // The stranger's origin is locked…
    expect(await attempt(t.user.username, PASSWORD, t.hostname, { ip: "10.99.0.1" })).toMatchObject({
      reason: "locked-out",
    });
    // …the owner's browser is not, from the same address or another, and keeps its session.
    expect((await attempt(t.user.username, PASSWORD, t.hostname, { ip: "10.99.0.1", device })).ok).toBe(true);
    expect((await attempt(t.user.username, PASSWORD, t.hostname, { ip: "10.30.0.1", device })).ok).toBe(true);
    // A cookie made for someone else (or forged) counts for nothing.
    const forged = `${device!.split(".")[0]}.AAAA`;
    expect(await attempt(t.user.username, PASSWORD, t.hostname, { ip: "10.99.0.1", device: forged })).toMatchObject({
      reason: "locked-out",
    });
  });

  it("answers an unknown login exactly like a real one, also once locked", async () => {
    const t = await makeTenant("Same Co", "same.localhost");
    const real: string[] = [];
    const ghost: string[] = [];
    for (let i = 0; i < 5; i++) {
      const a = await attempt(t.user.username, `wrong-${i}`, t.hostname, { ip: "10.40.0.1" });
      const b = await attempt("no-such-person", `wrong-${i}`, t.hostname, { ip: "10.40.0.1" });
      real.push(a.ok ? "ok" : a.message);
      ghost.push(b.ok ? "ok" : b.message);
    }
    expect(ghost).toEqual(real);
    expect(real.at(-1)).toMatch(/locked for/);
  });

  it("an administrator's unlock ends every origin's lockout", async () => {
    const t = await makeTenant("Unlock Co", "unlock.localhost");
    for (let i = 0; i < 3; i++) await attempt(t.user.username, `wrong-${i}`, t.hostname, { ip: "10.50.0.1" });
    expect(await attempt(t.user.username, PASSWORD, t.hostname, { ip: "10.50.0.1" })).toMatchObject({
      reason: "locked-out",
    });
    const admin = await callerFor(t.admin.id, t.hostname);
    await admin.user.unlock({ id: t.user.id });
    expect((await attempt(t.user.username, PASSWORD, t.hostname, { ip: "10.50.0.1" })).ok).toBe(true);
  });
});

const newUser = (tenantId: string, username: string, email: string) => ({
  tenantId,
  email,
  useEmailAsUsername: false,
  username,
  firstName: "Ann",
  lastName: "Other",
  roles: { user: true, tenant: false, admin: false },
  permissions: [],
  password: "Fresh-Kiwi-Pass-2026",
  mustChangePassword: false,
});

describe("one tenant's names against another's", () => {
  it("a username equal to another tenant's email does not break that person's sign-in", async () => {
    const acme = await makeTenant("Names Acme", "names-acme.localhost");
    const globex = await makeTenant("Names Globex", "names-globex.localhost");
    const root = await makePlatformAdmin("names-root");
    const acmeAdmin = await callerFor(acme.admin.id, acme.hostname);
    await acmeAdmin.user.create(
      await createUserInput(acmeAdmin, newUser(acme.tenant.id, globex.admin.email, "one@names-acme.localhost")),
    );
    await acmeAdmin.user.create(
      await createUserInput(acmeAdmin, newUser(acme.tenant.id, root.email, "two@names-acme.localhost")),
    );
    expect((await attempt(globex.admin.email, PASSWORD, globex.hostname)).ok).toBe(true);
    expect((await attempt(root.email, PASSWORD, "localhost")).ok).toBe(true);
  });

  it("another tenant's usernames are neither taken nor revealed", async () => {
    const a = await makeTenant("Reveal A", "reveal-a.localhost");
    const b = await makeTenant("Reveal B", "reveal-b.localhost");
    const adminB = await callerFor(b.admin.id, b.hostname);
    const created = await adminB.user.create(
      await createUserInput(adminB, newUser(b.tenant.id, a.user.username, "same@reveal-b.localhost")),
    );
    expect(created.username).toBe(a.user.username);
    expect((await attempt(a.user.username, PASSWORD, a.hostname)).ok).toBe(true);
    expect((await attempt(a.user.username, "Fresh-Kiwi-Pass-2026", b.hostname)).ok).toBe(true);
  });

  it("of two concurrent creates with one email, exactly one succeeds", async () => {
    const t = await makeTenant("Twin Co", "twin.localhost");
    const admin = await callerFor(t.admin.id, t.hostname);
    const create = async (username: string) =>
      admin.user.create(await createUserInput(admin, newUser(t.tenant.id, username, "twin@twin.localhost")));
    const outcomes = await Promise.allSettled([create("twin-one"), create("twin-two")]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("twin@twin.localhost") });
    expect(await getDb().user.count({ where: { email: "twin@twin.localhost" } })).toBe(1);
  });
});
