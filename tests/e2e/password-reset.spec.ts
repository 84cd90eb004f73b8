/**
 * Forgot password → the email lands in the outbox the platform admin can read → the link works →
 * the person, with fresh keys, waits for access until Acme's admin grants it (issue 7, §2).
 */
import { expect, type Page, test } from "@playwright/test";
import { ADMIN, open, signIn, signOut, site } from "./helpers";
import { grantWithSafetyCode } from "./organisation-key";

const PERSON = { email: "forgetful@acme.example", password: "First-Orchard-Key-3" };

/**
 * A user of its own, made by Acme's admin through the Users page (the browser turns the password
 * into credentials): the demo logins other specs rely on stay as they are.
 */
async function addAcmeUser(page: Page) {
  await signIn(page, "acme.localhost", "acme-admin", "Acme-Admin-2026");
  await page.getByRole("link", { name: "Users" }).click();
  await page.getByRole("button", { name: "New user" }).click();
  await page.getByLabel("Email", { exact: true }).fill(PERSON.email);
  await page.getByLabel("First name").fill("Fran");
  await page.getByLabel("Last name").fill("Getful");
  await page.getByLabel("Password", { exact: true }).fill(PERSON.password);
  // Acme's policy has people change an admin-typed password at first sign-in; the reset below is
  // their own choice, so it clears that.
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("cell", { name: PERSON.email }).first()).toBeVisible();
  await signOut(page);
}

test("a user resets a forgotten password through the emailed link", async ({ page, browser }) => {
  await addAcmeUser(page);
  await open(page, `${site("acme.localhost")}/login`);
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("button", { name: "Send reset link" })).toBeVisible();
  await page.getByLabel("Username or email").fill(PERSON.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText("If an account matches, we sent a link")).toBeVisible();

  const admin = await browser.newPage();
  await signIn(admin, ADMIN.host, ADMIN.username, ADMIN.password);
  await open(admin, `${site(ADMIN.host)}/admin/outbox`);
  await admin
    .getByRole("row", { name: /forgetful@acme\.example/ })
    .getByRole("button", { name: "View" })
    .first()
    .click();
  const link = admin.getByRole("link", { name: /reset-password\?token=/ });
  const href = await link.getAttribute("href");
  expect(href).toContain(`${site("acme.localhost")}/reset-password?token=`);
  await admin.close();

  await open(page, href!);
  await page.getByLabel("New password", { exact: true }).fill("Green-Meadow-Key-9");
  await page.getByLabel("Repeat new password").fill("Green-Meadow-Key-9");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("Your password was changed.")).toBeVisible();
  await signIn(page, "acme.localhost", PERSON.email, "Green-Meadow-Key-9");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  // A reset gives fresh keys: nothing sealed to the old ones opens until an admin grants access.
  await expect(page.getByTestId("waiting-for-access")).toContainText("Waiting for access");

  // Acme's admin sees the person waiting and grants access from their own browser, once the safety
  // code the person reads from their screen matches.
  const adminPage = await browser.newPage();
  await signIn(adminPage, "acme.localhost", "acme-admin", "Acme-Admin-2026");
  await adminPage.getByRole("link", { name: "Users" }).click();
  await expect(adminPage.getByRole("region", { name: "Waiting for access" })).toBeVisible();
  await grantWithSafetyCode(adminPage, page, PERSON.email);
  await expect(adminPage.getByText(`Access granted to ${PERSON.email}.`)).toBeVisible();
  await adminPage.close();
  await signOut(page);

  await signIn(page, "acme.localhost", PERSON.email, "Green-Meadow-Key-9");
  await expect(page.getByTestId("keys-unlocked")).toBeAttached();
  await expect(page.getByTestId("waiting-for-access")).toHaveCount(0);
  await signOut(page);
});
