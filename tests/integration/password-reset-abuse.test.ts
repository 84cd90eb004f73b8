/** Reset tokens under attack (issue 5, section 2): parallel use, old links, mail floods. */
import { describe, expect, it } from "vitest";
import { afterResponseSettled } from "../../server/after-response";
import { issueResetToken } from "../../server/auth/password-reset";
import { getDb } from "../../server/db/client";
import { resetInput } from "../support/credentials";
import { callerFor, makeTenant } from "../support/fixtures";

describe("reset tokens", () => {
  it("work once, even when 8 requests use one token at the same moment", async () => {
    const t = await makeTenant("Once Co", "once.localhost");
    const token = await issueResetToken(getDb(), { userId: t.user.id, tenantId: t.tenant.id, minutes: 30 });
    const anon = await callerFor(null, t.hostname);
    const inputs = await Promise.all(
      Array.from({ length: 8 }, (_, i) => resetInput(anon, token, `Parallel-Secret-${i}0`)),
    );
    const outcomes = await Promise.allSettled(inputs.map((input) => anon.auth.resetPassword(input)));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(await getDb().passwordHistory.count({ where: { userId: t.user.id } })).toBe(1);
  });

  it("all end when the password changes", async () => {
    const t = await makeTenant("Older Co", "older.localhost");
    const issue = () => issueResetToken(getDb(), { userId: t.user.id, tenantId: t.tenant.id, minutes: 30 });
    const [older, newer] = [await issue(), await issue()];
    const anon = await callerFor(null, t.hostname);
    const olderInput = await resetInput(anon, older, "Older-Secret-2026");
    await anon.auth.resetPassword(await resetInput(anon, newer, "Newest-Secret-2026"));
    await expect(anon.auth.resetPassword(olderInput)).rejects.toThrow(/invalid or has expired/);
  });

  it("are mailed at most a few times per account, however often someone asks", async () => {
    const t = await makeTenant("Flood Co", "flood.localhost");
    const anon = await callerFor(null, t.hostname);
    await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        anon.auth.requestPasswordReset({ login: i % 2 ? t.user.username : t.user.email }),
      ),
    );
    await afterResponseSettled(); // mail goes out after the answer: wait until all of it has
    const sent = await getDb().mailMessage.count({ where: { to: t.user.email } });
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThanOrEqual(3);
  });

  it("build the link from the tenant's configured domain, not the request", async () => {
    const t = await makeTenant("Link Co", "link.localhost");
    const anon = await callerFor(null, t.hostname);
    await anon.auth.requestPasswordReset({ login: t.user.username });
    await expect
      .poll(async () => (await getDb().mailMessage.findFirst({ where: { to: t.user.email } }))?.text ?? "")
      .toMatch(/http:\/\/link\.localhost:3000\/reset-password\?token=/);
  });
});
