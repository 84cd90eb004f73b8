/**
 * The New fax form (issue 17), on a phone (390 px) and a desktop (1280 px): "Send to N numbers"
 * counts only valid, distinct numbers; each invalid number's message says why, beside the field;
 * duplicates are marked and merged; after the first Send a message goes as soon as its cause does;
 * the title may stay empty; in an organisation without fax numbers the form warns, before Send,
 * that the fax goes out with no caller ID.
 */
import { expect, type Page, test } from "@playwright/test";
import { wcagViolations } from "./axe";
import { sql } from "./e2e-database";
import { open, signIn, site } from "./helpers";
import { newOrganisation, type Organisation } from "./organisation";

const VIEWPORTS = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 900 },
];

/**
 * Each test signs in as the plain user of an organisation of its own (the form is filled, never
 * sent, so no organisation key is needed).
 */
async function newFax(page: Page, org: Organisation) {
  await signIn(page, org.host, org.user.username, org.user.password);
  await open(page, `${site(org.host)}/send/new`);
  await expect(page.getByRole("heading", { name: "New fax" })).toBeVisible();
}

/** +12125550123 as the form shows it: +1 212 555 0123. */
const shown = (e164: string) => `${e164.slice(0, 2)} ${e164.slice(2, 5)} ${e164.slice(5, 8)} ${e164.slice(8)}`;

for (const viewport of VIEWPORTS) {
  test(`numbers: only valid, distinct ones are counted, each bad one says why, and messages go with their cause (${viewport.name})`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await newFax(page, await newOrganisation("Numbers Check"));
    const numbers = page.getByLabel("Fax numbers");
    await numbers.fill("+1 312 555 0101\n(312) 555-0101\n+1 312 555 0102\n555-12");
    // Two numbers will be faxed: the same number in two notations is one, and 555-12 is none.
    await expect(page.getByRole("button", { name: "Send to 2 numbers" })).toBeVisible();
    await expect(page.getByTestId("duplicates-merged")).toHaveText("1 duplicate merged: each number gets one fax.");
    await expect(
      page.getByRole("list", { name: "Numbers as they will be dialled" }).getByRole("listitem").nth(1),
    ).toHaveText("(312) 555-0101 → +1 312 555 0101 (duplicate: merged)");

    await page.getByRole("button", { name: "Send to 2 numbers" }).click();
    // Beside each field, in words: what is missing, and why the number cannot be dialled.
    await expect(page.getByLabel("Document", { exact: true })).toHaveAccessibleDescription("Choose a document to fax");
    await expect(numbers).toHaveAccessibleDescription('Invalid fax number: "555-12" is too short.');
    await expect(page.getByLabel("Document", { exact: true })).toBeFocused(); // the first problem, brought into view
    // The title may stay empty: no message beside it.
    await expect(page.getByLabel("Title (optional)")).not.toHaveAttribute("aria-invalid", "true");
    expect(await wcagViolations(page, `New fax with errors at ${viewport.width}px`)).toEqual([]);

    // Its cause gone, the message goes at once; another bad number brings its own reason back.
    await numbers.fill("+1 312 555 0101\n(312) 555-0101\n+1 312 555 0102");
    await expect(page.locator("#fax-to-error")).toHaveCount(0);
    await expect(numbers).not.toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Document", { exact: true })).toHaveAccessibleDescription("Choose a document to fax");
    await numbers.fill("+1 312 555 0101\nhello");
    await expect(numbers).toHaveAccessibleDescription(
      'Invalid fax number: "hello" has letters in it (type the digits).',
    );
    await expect(page.getByRole("button", { name: "Send fax" })).toBeVisible(); // one valid number
    // Nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
  });
}

test("an organisation without fax numbers is warned before Send that the fax goes out with no caller ID", async ({
  page,
}) => {
  const org = await newOrganisation("Caller Check");
  await newFax(page, org);
  const warning = page.getByTestId("no-caller-id");
  await expect(page.getByLabel("Caller ID")).toContainText(`Automatic: ${shown(org.did)}`);
  await expect(warning).toHaveCount(0);
  // The provider takes the organisation's number back.
  await sql(`UPDATE "Did" SET "tenantId" = NULL, "userId" = NULL WHERE number = $1`, [org.did]);
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await page.reload();
    await page.locator("html[data-hydrated=true]").waitFor();
    await expect(warning).toContainText("goes out with no caller ID");
    await expect(warning).toContainText("Administration → Fax numbers");
    await expect(page.getByLabel("Caller ID")).toContainText("Automatic: none (no fax number)");
    expect(await wcagViolations(page, `New fax warning at ${viewport.width}px`)).toEqual([]);
  }
  // Given back, the number is the caller ID again and the warning goes.
  await sql(`UPDATE "Did" SET "tenantId" = $2, "userId" = $3 WHERE number = $1`, [org.did, org.id, org.user.id]);
  await page.reload();
  await expect(page.getByLabel("Caller ID")).toContainText(`Automatic: ${shown(org.did)}`);
  await expect(warning).toHaveCount(0);
});
