/**
 * Forgot password → the email lands in the outbox the platform admin can read → the link works →
 * the person, with fresh keys, waits for access until their organisation's admin grants it (issue 7, §2).
 */
import { expect, test } from "@playwright/test";
import { ADMIN, open, signIn, signInPlatformAdmin, signOut, site } from "./helpers";
import { newOrganisation } from "./organisation";
import { grantWithSafetyCode } from "./organisation-key";

test("a user resets a forgotten password through the emailed link", async ({ page, browser }) => {
  test.setTimeout(180_000); // it makes its organisation first
  // An organisation of its own: its admin holds the key (to grant), its user has keys to lose.
  const org = await newOrganisation("Orchard Practice", { keys: true });
  const HOST = org.host;
  const PERSON = { username: org.user.username, email: org.user.email, password: "Green-Meadow-Key-9" };

  await open(page, `${site(HOST)}/login`);
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("button", { name: "Send reset link" })).toBeVisible();
  await page.getByLabel("Username or email").fill(PERSON.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText("If an account matches, we sent a link")).toBeVisible();

  const admin = await browser.newPage();
  await signInPlatformAdmin(admin);
  await open(admin, `${site(ADMIN.host)}/admin/outbox`);
  await admin.getByRole("row").filter({ hasText: PERSON.email }).getByRole("button", { name: "View" }).first().click();
  const link = admin.getByRole("link", { name: /reset-password\?token=/ });
  const href = await link.getAttribute("href");
  expect(href).toContain(`${site(HOST)}/reset-password?token=`);
  await admin.close();

  await open(page, href!);
  await page.getByLabel("New password", { exact: true }).fill(PERSON.password);
  await page.getByLabel("Repeat new password").fill(PERSON.password);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("Your password was changed.")).toBeVisible();
  await signIn(page, HOST, PERSON.email, PERSON.password);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  // A reset gives fresh keys: nothing sealed to the old ones opens until an admin grants access.
  await expect(page.getByTestId("waiting-for-access")).toContainText("Waiting for access");

  // The organisation's admin sees the person waiting and grants access from their own browser, once
  // the safety code the person reads from their screen matches.
  const adminPage = await browser.newPage();
  await signIn(adminPage, HOST, org.admin.username, org.admin.password);
  await adminPage.getByRole("link", { name: "Users" }).click();
  await expect(adminPage.getByRole("region", { name: "Waiting for access" })).toBeVisible();
  await grantWithSafetyCode(adminPage, page, PERSON.username);
  await expect(adminPage.getByText(`Access granted to ${PERSON.username}.`)).toBeVisible();
  await adminPage.close();
  await signOut(page);

  await signIn(page, HOST, PERSON.email, PERSON.password);
  await expect(page.getByTestId("keys-unlocked")).toBeAttached();
  await expect(page.getByTestId("waiting-for-access")).toHaveCount(0);
  await signOut(page);
});
