/**
 * Forgot password over a real SMTP conversation: a local SMTP server receives the email, the
 * test follows the link's token, sets a new password and signs in with it.
 */
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { afterResponseSettled } from "../../server/after-response";
import { getDb } from "../../server/db/client";
import { resolveHost } from "../../server/tenant/resolve-tenant";
import { resetInput, signInWith } from "../support/credentials";
import { callerFor, makeTenant, PASSWORD } from "../support/fixtures";

const received: { to: string; raw: string }[] = [];
let server: SMTPServer;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (c: Buffer) => (raw += c.toString()));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as { port: number };
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// Mail bodies are quoted-printable: undo soft line breaks and "=3D" before reading links.
const unfold = (raw: string) => raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
const tokenFrom = (raw: string) => /reset-password\?token=([A-Za-z0-9_-]{20,})/.exec(unfold(raw))?.[1];

describe("forgot password", () => {
  it("emails a branded single-use link on the tenant's domain, and the new password works", async () => {
    const t = await makeTenant("Reset Co", "reset.localhost");
    const anon = await callerFor(null, t.hostname);
    await anon.auth.requestPasswordReset({ login: t.user.email });

    // The mail goes out after the answer (the same answer, as fast, for unknown logins).
    await afterResponseSettled();
    expect(received.length).toBe(1);
    expect(received[0]!.to).toBe(t.user.email);
    expect(received[0]!.raw).toContain("Reset Co");
    expect(unfold(received[0]!.raw)).toContain("http://reset.localhost:3000/reset-password?token=");
    const token = tokenFrom(received[0]!.raw)!;
    expect(token).toBeTruthy();
    await expect
      .poll(() => getDb().mailMessage.findFirst({ where: { to: t.user.email } }))
      .toMatchObject({ transport: "smtp", status: "sent" });

    // The tenant's rules are checked where the password is typed (the server never sees it).
    await expect(resetInput(anon, token, "short")).rejects.toThrow(/at least 10 characters/);
    const second = await resetInput(anon, token, "Another-Secret-43");
    await anon.auth.resetPassword(await resetInput(anon, token, "Brand-New-Secret-42"));
    await expect(anon.auth.resetPassword(second)).rejects.toThrow(/invalid or has expired/);
    await expect(anon.auth.resetParams({ token })).rejects.toThrow(/invalid or has expired/);

    const host = await resolveHost(t.hostname);
    const oldOne = await signInWith({ username: t.user.username, password: PASSWORD, host, ip: "10.3.0.1" });
    const newOne = await signInWith({
      username: t.user.username,
      password: "Brand-New-Secret-42",
      host,
      ip: "10.3.0.1",
    });
    expect(oldOne.ok).toBe(false);
    expect(newOne.ok).toBe(true);
  });

  it("answers the same for unknown accounts and other tenants' users, and sends nothing", async () => {
    const a = await makeTenant("Quiet A", "quiet-a.localhost");
    const b = await makeTenant("Quiet B", "quiet-b.localhost");
    const before = received.length;
    const anonB = await callerFor(null, b.hostname);
    expect(await anonB.auth.requestPasswordReset({ login: "nobody@nowhere.test" })).toEqual({ ok: true });
    expect(await anonB.auth.requestPasswordReset({ login: a.user.username })).toEqual({ ok: true });
    // The mail for a real account is written and sent after the answer: wait for that work to end.
    await afterResponseSettled();
    expect(received.length).toBe(before);
    expect(await getDb().mailMessage.count({ where: { to: a.user.email } })).toBe(0);
  });
});
