/**
 * Issue 17's small words: an admin's New user dialog speaks of the new person's name as "their
 * name", not "your name"; and the mail outbox shows every time in one zone, named, even when the
 * messages belong to organisations in different zones.
 */
import { expect, test } from "@playwright/test";
import pg from "pg";
import { ADMIN, open, signIn, site } from "./helpers";
import { E2E_DATABASE_URL } from "./organisation-key";

async function sql(text: string, values: unknown[] = []) {
  const db = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await db.connect();
  try {
    await db.query(text, values);
  } finally {
    await db.end();
  }
}

test("New user: the password rules speak of the new person's name as 'their name'", async ({ page }) => {
  await signIn(page, "acme.localhost", "acme-admin", "Acme-Admin-2026");
  await page.getByRole("link", { name: "Users" }).first().click();
  await page.getByRole("button", { name: "New user" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("First name").fill("Rosalind");
  await dialog.getByLabel("Password", { exact: true }).fill("Rosalind-Franklin-1953");
  await expect(dialog.getByTestId("password-rules")).toContainText("no part of their name, username or email");
  await expect(dialog.getByText(/your name/)).toHaveCount(0);
});

test("the mail outbox shows every time in the page's zone, named once in the header", async ({ page }) => {
  await sql(`UPDATE "Tenant" SET "timeZone" = 'Asia/Tokyo' WHERE slug = 'acme-health'`);
  try {
    // A message for Acme (in Tokyo) beside the platform's own (UTC).
    await open(page, `${site("acme.localhost")}/forgot-password`);
    await page.getByLabel("Username or email").fill("acme-user");
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect(page.getByText("If an account matches, we sent a link")).toBeVisible();

    await signIn(page, ADMIN.host, ADMIN.username, ADMIN.password);
    await open(page, `${site(ADMIN.host)}/admin/outbox`);
    const table = page.getByRole("table", { name: "Mail outbox" });
    await expect(table.getByRole("columnheader", { name: "When (UTC)" })).toBeVisible();
    await expect(table.locator("tbody time").first()).toBeVisible();
    const times = await table.locator("tbody time").allInnerTexts();
    expect(times.length).toBeGreaterThan(0);
    for (const t of times) expect(t, "one zone for the whole list").toMatch(/UTC$/);
  } finally {
    await sql(`UPDATE "Tenant" SET "timeZone" = 'UTC' WHERE slug = 'acme-health'`);
  }
});
