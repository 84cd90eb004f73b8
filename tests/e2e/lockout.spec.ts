/** Repeated wrong passwords lock the account; the right password is then refused too. */
import { expect, test } from "@playwright/test";
import { ADMIN, signIn, signInError, site } from "./helpers";

test("five wrong passwords lock the account for the policy's minutes", async ({ page }) => {
  for (let i = 1; i <= 4; i++) {
    await signIn(page, "globex.localhost", "globex-admin", `wrong-password-${i}`);
    await expect(signInError(page)).toHaveText("Wrong username or password.");
  }
  await signIn(page, "globex.localhost", "globex-admin", "wrong-password-5");
  await expect(signInError(page)).toContainText("Too many failed attempts. This account is locked for 15 minutes.");

  await signIn(page, "globex.localhost", "globex-admin", "Globex-Admin-2026");
  await expect(signInError(page)).toContainText("This account is locked for");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toHaveCount(0);
});

// The demo's globex-admin is shared with later specs: a platform admin's Unlock ends the lockout,
// as it would for a real person, so they start from an account that can sign in.
test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signIn(page, ADMIN.host, ADMIN.username, ADMIN.password);
  const unlocked = await page.evaluate(async (base) => {
    const input = encodeURIComponent(JSON.stringify({ json: { search: "globex-admin", page: 1, pageSize: 20 } }));
    const list = await (await fetch(`${base}/api/trpc/user.list?input=${input}`)).json();
    const user = list.result.data.json.items.find((u: { username: string }) => u.username === "globex-admin");
    const res = await fetch(`${base}/api/trpc/user.unlock`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: { id: user.id } }),
    });
    return res.status;
  }, site(ADMIN.host));
  expect(unlocked).toBe(200);
  await page.close();
});
