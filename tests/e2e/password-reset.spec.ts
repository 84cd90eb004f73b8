/** Forgot password → the email lands in the outbox the platform admin can read → the link works. */
import { expect, test } from "@playwright/test";
import { ADMIN, open, signIn, signOut, site } from "./helpers";

test("a user resets a forgotten password through the emailed link", async ({ page, browser }) => {
  await open(page, `${site("acme.localhost")}/login`);
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("button", { name: "Send reset link" })).toBeVisible();
  await page.getByLabel("Username or email").fill("bob@acme.example");
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText("If an account matches, we sent a link")).toBeVisible();

  const admin = await browser.newPage();
  await signIn(admin, ADMIN.host, ADMIN.username, ADMIN.password);
  await open(admin, `${site(ADMIN.host)}/admin/outbox`);
  await admin
    .getByRole("row", { name: /bob@acme\.example/ })
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
  await signIn(page, "acme.localhost", "acme-user", "Green-Meadow-Key-9");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await signOut(page);
});
