/**
 * Issue 17's small words: an admin's New user dialog speaks of the new person's name as "their
 * name", not "your name"; and the mail outbox shows every time in one zone, named, even when the
 * messages belong to organisations in different zones.
 */
import { expect, test } from "@playwright/test";
import { sql } from "./e2e-database";
import { saveRecoveryCode } from "./first-admin-steps";
import { ADMIN, open, signIn, signInPlatformAdmin, site } from "./helpers";
import { newOrganisation } from "./organisation";

test("New user: the password rules speak of the new person's name as 'their name'", async ({ page }) => {
  const org = await newOrganisation("Wording Works");
  await signIn(page, org.host, org.admin.username, org.admin.password);
  // The organisation's first admin: their first sign-in leads through the recovery code.
  await saveRecoveryCode(page);
  await page.getByRole("link", { name: "Users" }).first().click();
  await page.getByRole("button", { name: "New user" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("First name").fill("Rosalind");
  await dialog.getByLabel("Password", { exact: true }).fill("Rosalind-Franklin-1953");
  await expect(dialog.getByTestId("password-rules")).toContainText("no part of their name, username or email");
  await expect(dialog.getByText(/your name/)).toHaveCount(0);
});

test("the mail outbox shows every time in the page's zone, named once in the header", async ({ page }) => {
  const org = await newOrganisation("Tokyo Zone");
  await sql(`UPDATE "Tenant" SET "timeZone" = 'Asia/Tokyo' WHERE id = $1`, [org.id]);
  // A message for an organisation in Tokyo beside the platform's own (UTC) and other organisations'.
  await open(page, `${site(org.host)}/forgot-password`);
  await page.getByLabel("Username or email").fill(org.user.username);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText("If an account matches, we sent a link")).toBeVisible();
  // The mail is queued just after the answer: wait for it before reading the outbox.
  await expect
    .poll(async () => (await sql(`SELECT 1 FROM "MailMessage" WHERE "to" = $1`, [org.user.email])).length)
    .toBe(1);

  await signInPlatformAdmin(page);
  await open(page, `${site(ADMIN.host)}/admin/outbox`);
  const table = page.getByRole("table", { name: "Mail outbox" });
  await expect(table.getByRole("columnheader", { name: "When (UTC)" })).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: org.user.email }).locator("time")).toHaveText(/UTC$/);
  const times = await table.locator("tbody time").allInnerTexts();
  expect(times.length).toBeGreaterThan(0);
  for (const t of times) expect(t, "one zone for the whole list").toMatch(/UTC$/);
});
