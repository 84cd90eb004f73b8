/**
 * A cover page (issue 17): an organisation admin words the confidentiality notice in Settings; a
 * user adds a cover page on New fax (To, From filled with their name and organisation, Subject,
 * Note, and that notice), sees it counted and first among the fax pages under the header line,
 * sends with no title (the document's name stands in) and the fax is delivered with one page more.
 * Checked on a phone (390 px) and a desktop (1280 px). The organisation is the spec's own.
 */
import { expect, type Page, test } from "@playwright/test";
import { textPdf } from "../support/text-pdf";
import { wcagViolations } from "./axe";
import { sql } from "./e2e-database";
import { saveRecoveryCode } from "./first-admin-steps";
import { open, signIn, site } from "./helpers";
import { newOrganisation } from "./organisation";

/** Through the links, as a person goes: a page load would forget the keys unlocked at sign-in. */
async function newFax(page: Page) {
  await page.getByRole("link", { name: "Send fax" }).first().click();
  await page.getByRole("link", { name: "New fax" }).click();
  await expect(page.getByRole("heading", { name: "New fax" })).toBeVisible();
}

test("an organisation admin words the notice; a fax with a cover page goes out with one page more", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const org = await newOrganisation("Cover Clinic");
  const NOTICE = `${org.name} confidentiality notice: for the named clinician only.`;
  const adminContext = await browser.newContext(); // a context of its own: axe runs on its page
  const admin = await adminContext.newPage();
  try {
    await signIn(admin, org.host, org.admin.username, org.admin.password);
    // The first admin's first sign-in makes the organisation key (the user's documents need it).
    await saveRecoveryCode(admin);
    await open(admin, `${site(org.host)}/admin/settings/branding`);
    const field = admin.getByLabel("Confidentiality notice");
    // The default wording is there to start from.
    await expect(field).toHaveValue(/^CONFIDENTIALITY NOTICE: This fax may contain protected health/);
    await field.fill(NOTICE);
    await admin.getByRole("button", { name: "Save notice" }).click();
    await expect(admin.getByText("Notice saved.")).toBeVisible();
    expect(await wcagViolations(admin, "Settings → Branding with the cover page notice")).toEqual([]);
  } finally {
    await adminContext.close();
  }

  await signIn(page, org.host, org.user.username, org.user.password);
  await newFax(page);
  const name = `Echo report ${Date.now().toString(36)}.pdf`;
  await page.getByRole("button", { name: "Upload a document" }).click();
  const dialog = page.getByRole("dialog", { name: "Upload a document" });
  await dialog.getByLabel("File").setInputFiles({ name, mimeType: "application/pdf", buffer: textPdf("Echo", 2) });
  await dialog.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  const chooser = page.getByLabel("Document", { exact: true });
  await expect(chooser.locator("option", { hasText: `${name} (2 pages)` })).toBeEnabled({ timeout: 90_000 });
  await chooser.selectOption({ label: `${name} (2 pages)` });
  await page.getByLabel("Fax numbers").fill("+1 312 555 0131");
  await expect(page.getByTestId("fax-summary")).toContainText("2 pages");

  await page.getByLabel("Add a cover page").check();
  const cover = page.getByRole("group", { name: "Cover page" });
  // From: the sender and their organisation; the organisation's own notice at the foot.
  await expect(cover.getByLabel("From", { exact: true })).toHaveValue(new RegExp(`, ${org.name}$`));
  await expect(cover.getByTestId("cover-notice")).toHaveText(NOTICE);
  // To is needed: said beside it.
  await page.getByRole("button", { name: "Send fax" }).click();
  await expect(cover.getByLabel("To", { exact: true })).toHaveAccessibleDescription("Say who the fax is for");
  await cover.getByLabel("To", { exact: true }).fill("Dr Chiamaka Eze, Lagoon Cardiology");
  await cover.getByLabel("Subject (optional)").fill("Echo report");
  await cover.getByLabel("Note (optional)").fill("Please call me about the valve.");

  // Counted in the pages and the estimate, and shown first among the fax pages, headed "p.1" of 3.
  await expect(page.getByTestId("fax-summary")).toContainText("3 pages (with the cover page)");
  await page.getByRole("button", { name: "Show the fax pages" }).click();
  const headers = page.getByTestId("fax-page-header");
  await expect(headers).toHaveCount(3, { timeout: 30_000 });
  await expect(headers.first()).toHaveText(new RegExp(`${org.name} \\(3 pages\\) .* p\\.1$`));
  await expect(headers.nth(2)).toHaveText(/ p\.3$/);
  expect(await wcagViolations(page, "New fax with a cover page")).toEqual([]);

  // On a phone the cover page's fields fit the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(cover.getByLabel("To", { exact: true })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await wcagViolations(page, "New fax with a cover page at 390px")).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });

  // No title typed: the document's name stands in for it.
  await page.getByRole("button", { name: "Send fax" }).click();
  await expect(page).toHaveURL(/\/send\/[0-9a-f-]{36}$/);
  await expect(page.getByText(name).first()).toBeVisible();
  await expect(page.getByTestId("fax-status")).toHaveText("Delivered", { timeout: 90_000 });
  const attempt = page.getByRole("table", { name: "Attempts" }).getByRole("row").nth(1);
  await expect(attempt).toContainText("3 of 3");
  // What the server holds of the cover page is ciphertext only.
  const faxId = page.url().split("/").pop()!;
  const [row] = await sql<{ cover: Buffer | null }>(`SELECT "coverCipher" AS cover FROM "FaxJob" WHERE id = $1`, [
    faxId,
  ]);
  expect(row?.cover?.length).toBeGreaterThan(100);
  expect(row!.cover!.includes(Buffer.from("Lagoon Cardiology"))).toBe(false);
});
