/**
 * The one-time recovery code (issue 7, §2), through the real pages: a new organisation's first admin
 * signs in, their browser makes the organisation key and shows the code once; later the only admin
 * forgets their password, resets it (fresh keys: waiting for access) and restores access by typing
 * the code.
 */
import { expect, test } from "@playwright/test";
import { ADMIN, open, signIn, signOut, site } from "./helpers";

const DOMAIN = "recovery.localhost";
const BOSS = { username: "rc-admin", email: "boss@recovery.test", password: "Recovery-Admin-1" };

test("the recovery code restores the only admin after a password reset", async ({ page, browser }) => {
  await signIn(page, ADMIN.host, ADMIN.username, ADMIN.password);
  await page.getByRole("link", { name: "Organisations" }).click();
  await page.getByRole("button", { name: "New organisation" }).click();
  await page.getByLabel("Organisation name").fill("Recovery Partners");
  await page.getByLabel("Domains").fill(DOMAIN);
  await page.getByLabel("Admin username").fill(BOSS.username);
  await page.getByLabel("Admin email").fill(BOSS.email);
  await page.getByLabel("Admin password").fill(BOSS.password);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByText("Organisation Recovery Partners created.")).toBeVisible();
  await signOut(page);

  // First sign-in: the platform admin typed the password, so the policy has the admin choose their
  // own; then the organisation key is made here and its recovery code shown once.
  await signIn(page, DOMAIN, BOSS.username, BOSS.password);
  await expect(page.getByText("Choose a new password before you continue.")).toBeVisible();
  await page.getByLabel("Current password").fill(BOSS.password);
  await page.getByLabel("New password", { exact: true }).fill("Recovery-Own-Choice-5");
  await page.getByLabel("Repeat new password").fill("Recovery-Own-Choice-5");
  await page.getByRole("button", { name: "Change password" }).click();
  const code = page.getByTestId("recovery-code");
  await expect(code).toHaveText(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
  const recoveryCode = (await code.textContent())!;
  await page.getByRole("button", { name: "I have saved it" }).click();
  await expect(code).toHaveCount(0);
  await signOut(page);

  // The only admin forgets their password and resets it by the mailed link.
  await open(page, `${site(DOMAIN)}/forgot-password`);
  await page.getByLabel("Username or email").fill(BOSS.username);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText("If an account matches, we sent a link")).toBeVisible();
  const platform = await browser.newPage();
  await signIn(platform, ADMIN.host, ADMIN.username, ADMIN.password);
  await open(platform, `${site(ADMIN.host)}/admin/outbox`);
  await platform
    .getByRole("row", { name: /boss@recovery\.test/ })
    .getByRole("button", { name: "View" })
    .first()
    .click();
  const href = await platform.getByRole("link", { name: /reset-password\?token=/ }).getAttribute("href");
  await platform.close();
  await open(page, href!);
  await page.getByLabel("New password", { exact: true }).fill("Recovered-Admin-2");
  await page.getByLabel("Repeat new password").fill("Recovered-Admin-2");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("Your password was changed.")).toBeVisible();

  // Fresh keys: waiting for access, with nobody to grant it — the recovery code restores it.
  await signIn(page, DOMAIN, BOSS.username, "Recovered-Admin-2");
  const waiting = page.getByTestId("waiting-for-access");
  await expect(waiting).toContainText("Waiting for access");
  const field = page.getByLabel("Have your organisation's recovery code? Enter it to restore access.");
  await field.fill("0000-0000-0000-0000-0000-0000-0000-0000");
  await page.getByRole("button", { name: "Restore access" }).click();
  await expect(page.getByText("That recovery code does not open your organisation's key.")).toBeVisible();
  await field.fill(recoveryCode.toLowerCase());
  await page.getByRole("button", { name: "Restore access" }).click();
  await expect(waiting).toHaveCount(0);
  await signOut(page);
});
