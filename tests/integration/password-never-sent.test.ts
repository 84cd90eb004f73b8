/**
 * Zero-knowledge sign-in (issue 7, §1): the server never receives or stores a password. Every way a
 * password is chosen or typed runs here with one canary password; afterwards the canary appears in
 * no column of any table — plain, base64, base64url, hex or UTF-16. Sign-in step one answers an
 * unknown name exactly like a real one.
 */
import { describe, expect, it } from "vitest";
import { issueResetToken } from "../../server/auth/password-reset";
import { getDb } from "../../server/db/client";
import { resolveHost } from "../../server/tenant/resolve-tenant";
import { changePasswordInput, createUserInput, resetInput, setPasswordInput, signInWith } from "../support/credentials";
import { callerFor, makePlatformAdmin, makeTenant } from "../support/fixtures";

const CANARY = "Canary-Zq7-Passw0rd-Marker";
const canaryForms = (text: string) => [
  text,
  Buffer.from(text).toString("base64"),
  Buffer.from(text).toString("base64url"),
  Buffer.from(text).toString("hex"),
  Buffer.from(text, "utf16le").toString("hex"),
  Buffer.from(text, "utf16le").toString("base64"),
];

/** Every row of every table in the public schema, as one text. */
async function dumpDatabase(): Promise<string> {
  const db = getDb();
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = 'public'`;
  let out = "";
  for (const { tablename } of tables) {
    const rows = await db.$queryRawUnsafe<{ row: unknown }[]>(`SELECT row_to_json(t) AS row FROM "${tablename}" t`);
    out += `${tablename}\n${rows.map((r) => JSON.stringify(r.row)).join("\n")}\n`;
  }
  return out;
}

describe("the password never reaches the server", () => {
  it("leaves no trace of a canary password after every way of choosing and typing one", async () => {
    const t = await makeTenant("Canary Co", "canary.localhost");
    const root = await makePlatformAdmin("canary-root");
    const platform = await callerFor(root.id, "localhost");
    const admin = await callerFor(t.admin.id, t.hostname);
    const host = await resolveHost(t.hostname);

    // A platform admin creates a tenant with its first admin; a tenant admin creates a user.
    await platform.tenant.create({
      name: "Canary Two",
      domains: ["canary-two.localhost"],
      dailyFaxLimit: 10,
      monthlyFaxLimit: 100,
      retentionMinDays: 1,
      retentionMaxDays: 8,
      retentionDays: null,
      admin: { username: "canary-boss", email: "boss@canary-two.test" },
    });
    // Its first admin chooses the password through the welcome link.
    const welcome = await getDb().mailMessage.findFirstOrThrow({ where: { to: "boss@canary-two.test" } });
    const welcomeToken = /welcome\?token=([A-Za-z0-9_-]+)/.exec(welcome.text)![1]!;
    const newcomer = await callerFor(null, "canary-two.localhost");
    await newcomer.auth.resetPassword(await resetInput(newcomer, welcomeToken, CANARY));
    const created = await admin.user.create(
      await createUserInput(admin, {
        tenantId: t.tenant.id,
        email: "new@canary.test",
        useEmailAsUsername: true,
        roles: { user: true, tenant: false, admin: false },
        password: CANARY,
        mustChangePassword: false,
      }),
    );
    expect((await signInWith({ username: "new@canary.test", password: CANARY, host, ip: null })).ok).toBe(true);

    // An admin sets a password; the person changes it; then forgets it and resets by link.
    await admin.user.setPassword(await setPasswordInput(admin, t.user.id, `${CANARY}-set`, false));
    const me = await callerFor(t.user.id, t.hostname);
    await me.auth.changePassword(await changePasswordInput(me, `${CANARY}-set`, CANARY));
    const token = await issueResetToken(getDb(), { userId: t.user.id, tenantId: t.tenant.id, minutes: 30 });
    const anon = await callerFor(null, t.hostname);
    await anon.auth.resetPassword(await resetInput(anon, token, `${CANARY}-reset`));
    // A wrong sign-in with the canary, and a right one.
    expect((await signInWith({ username: t.user.username, password: CANARY, host, ip: null })).ok).toBe(false);
    expect((await signInWith({ username: t.user.username, password: `${CANARY}-reset`, host, ip: null })).ok).toBe(
      true,
    );

    const dump = await dumpDatabase();
    expect(dump).toContain(created.id); // the dump really holds the data
    for (const form of canaryForms(CANARY)) expect(dump).not.toContain(form);
    // What is stored instead: Argon2id hashes and the parameters the browser used.
    const row = await getDb().user.findUniqueOrThrow({ where: { id: t.user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.kdfSalt).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});

describe("sign-in step one", () => {
  it("answers an unknown name with parameters shaped like a real account's, the same every time", async () => {
    const t = await makeTenant("Step Co", "step.localhost");
    const anon = await callerFor(null, t.hostname);
    const real = await anon.auth.signInParams({ username: t.user.username });
    const byEmail = await anon.auth.signInParams({ username: t.user.email });
    const unknown = await anon.auth.signInParams({ username: "nobody-at-all" });
    const again = await anon.auth.signInParams({ username: " Nobody-At-All " });
    const other = await anon.auth.signInParams({ username: "someone-else" });

    expect(byEmail).toEqual(real);
    expect(Object.keys(unknown).sort()).toEqual(Object.keys(real).sort());
    expect({ ...unknown, salt: "" }).toEqual({ ...real, salt: "" }); // same algorithm and cost
    expect(unknown.salt).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(again).toEqual(unknown); // asking twice tells nothing
    expect(other.salt).not.toBe(unknown.salt);
    // Another tenant's person is unknown here: decoy, not their real salt.
    const elsewhere = await makeTenant("Elsewhere Co", "elsewhere.localhost");
    const theirs = await anon.auth.signInParams({ username: elsewhere.user.username });
    const real2 = await (await callerFor(null, elsewhere.hostname)).auth.signInParams({
      username: elsewhere.user.username,
    });
    expect(theirs.salt).not.toBe(real2.salt);
  });
});
