import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { resolveHost } from "../../server/tenant/resolve-tenant";
import { resetInput, signInWith } from "../support/credentials";
import { callerFor, makePlatformAdmin, makeTenant } from "../support/fixtures";

let a: Awaited<ReturnType<typeof makeTenant>>;
let b: Awaited<ReturnType<typeof makeTenant>>;

beforeAll(async () => {
  a = await makeTenant("Welcome A", "welcome-a.localhost");
  b = await makeTenant("Welcome B", "welcome-b.localhost");
});

/** Someone invited who has not chosen a password yet (no hash that verifies, no salt, no keys). */
const invite = (tenantId: string, username: string) =>
  getDb().user.create({ data: { tenantId, username, email: `${username}@invited.test`, passwordHash: "" } });

const linkIn = (text: string) => /(http:\/\/\S+\/welcome\?token=([A-Za-z0-9_-]+))/.exec(text);

describe("welcome email", () => {
  it("tells the user their username and portal, with a link that sets their password", async () => {
    const admin = await callerFor(a.admin.id, a.hostname);
    const invited = await invite(a.tenant.id, "welcome-a-invited");
    expect(await admin.user.sendWelcome({ id: invited.id })).toEqual({ to: invited.email });
    const mail = await getDb().mailMessage.findFirstOrThrow({
      where: { to: invited.email, subject: { contains: "Welcome" } },
    });
    expect(mail.text).toContain(invited.username);
    expect(mail.text).toContain("http://welcome-a.localhost:3000/login");
    const [, url, token] = linkIn(mail.text)!;
    expect(url).toContain("http://welcome-a.localhost:3000/welcome?token=");
    const anon = await callerFor(null, a.hostname);
    // The welcome page greets them by name and organisation (issue 17).
    expect(await anon.auth.resetParams({ token: token! })).toMatchObject({
      welcome: true,
      organisation: "Welcome A",
      person: { username: invited.username },
    });
    await anon.auth.resetPassword(await resetInput(anon, token!, "Chosen-By-Me-2026"));
    const signIn = await signInWith({
      username: invited.username,
      password: "Chosen-By-Me-2026",
      host: await resolveHost(a.hostname),
      ip: "10.4.0.1",
    });
    expect(signIn.ok).toBe(true);
    expect(await getDb().auditLog.count({ where: { action: "user.welcome", entityId: invited.id } })).toBe(1);
    // The link chose the password: another welcome would be a reset by someone else.
    await expect(admin.user.sendWelcome({ id: invited.id })).rejects.toThrow(/already has a password/);
  });

  it("is refused for an account that already has a password, by anyone, and mails nothing", async () => {
    const root = await makePlatformAdmin("welcome-root-refused");
    const platform = await callerFor(root.id, "localhost");
    const admin = await callerFor(a.admin.id, a.hostname);
    for (const caller of [platform, admin]) {
      await expect(caller.user.sendWelcome({ id: a.user.id })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringMatching(/already has a password/),
      });
    }
    expect(await getDb().mailMessage.count({ where: { to: a.user.email } })).toBe(0);
  });

  it("links a platform admin's welcome to the tenant's own domain", async () => {
    const root = await makePlatformAdmin("welcome-root");
    const platform = await callerFor(root.id, "localhost");
    const invited = await invite(b.tenant.id, "welcome-b-invited");
    await platform.user.sendWelcome({ id: invited.id });
    const mail = await getDb().mailMessage.findFirstOrThrow({ where: { to: invited.email } });
    expect(linkIn(mail.text)![1]).toMatch(/^http:\/\/welcome-b\.localhost:3000\/welcome/);
    expect(mail.subject).toBe("Welcome to Welcome B fax");
  });

  it("cannot be sent to another tenant's user", async () => {
    const admin = await callerFor(a.admin.id, a.hostname);
    await expect(admin.user.sendWelcome({ id: b.admin.id })).rejects.toThrow("User not found.");
  });
});
