/**
 * Regenerates docs/screenshots/ from the real pages: `npm run screenshots` (a tool, not a test suite;
 * it starts the portal as the end-to-end suite does, with its own data under .data/e2e). Each page is
 * saved at a phone's width (390 px) and a laptop's (1280 px): the welcome page, the recovery-code
 * step, Documents, New fax with a document chosen, a delivered fax's page and the Send fax list.
 */
import { expect, type Page, test } from "@playwright/test";
import { createOrganisation } from "../e2e/first-admin-steps";
import { linkMailedTo, open, signIn } from "../e2e/helpers";
import { ensureAcmeOrganisationKey } from "../e2e/organisation-key";
import { textPdf } from "../support/text-pdf";

const WIDTHS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];

/** Saves the page at both widths as docs/screenshots/<name>-<width>.png, ending at the laptop's. */
async function shoot(page: Page, name: string) {
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: `docs/screenshots/${name}-${size.width}.png`, fullPage: true });
  }
}

test("screenshots of a new organisation's first day and of sending a fax", async ({ page, browser }) => {
  test.setTimeout(600_000);
  const boss = { username: "rc-admin", email: "admin@riverside-clinic.test", password: "Willow-Harbour-Lamp-7" };
  await createOrganisation(browser, {
    name: "Riverside Clinic",
    domain: "riverside.localhost",
    admin: { username: boss.username, email: boss.email },
  });
  await open(page, await linkMailedTo(boss.email, "welcome"));
  await expect(page.getByTestId("welcome-heading")).toBeVisible();
  await shoot(page, "welcome");
  await page.getByLabel("New password", { exact: true }).fill(boss.password);
  await page.getByLabel("Repeat new password").fill(boss.password);
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(page.getByTestId("recovery-code")).toBeVisible();
  await shoot(page, "recovery-code-step");

  await ensureAcmeOrganisationKey(browser);
  const user = await browser.newPage();
  await signIn(user, "acme.localhost", "acme-user", "Acme-User-2026");
  // Through the links: a reload would leave this tab without the keys the sign-in opened.
  await user.getByRole("link", { name: "Documents" }).first().click();
  await user.getByRole("button", { name: "Upload document" }).click();
  const upload = user.getByRole("dialog", { name: "Upload a document" });
  const name = "Discharge summary.pdf";
  await upload.getByLabel("File").setInputFiles({ name, mimeType: "application/pdf", buffer: textPdf("Discharge", 3) });
  await upload.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(upload).toBeHidden({ timeout: 30_000 });
  await expect(user.getByRole("row").filter({ hasText: name }).getByText("Ready")).toBeVisible({ timeout: 90_000 });
  await shoot(user, "documents");

  await user.getByRole("link", { name: "Send fax" }).first().click();
  await user.getByRole("link", { name: "New fax" }).click();
  const chooser = user.getByLabel("Document", { exact: true });
  await chooser.selectOption({ label: `${name} (3 pages)` });
  await user.getByLabel("Fax numbers").fill("+1 312 555 0123");
  await expect(user.getByTestId("fax-summary")).toContainText("3 pages");
  await shoot(user, "new-fax");

  await user.getByRole("button", { name: "Send fax" }).click();
  await expect(user.getByTestId("fax-status")).toHaveText("Delivered", { timeout: 180_000 });
  await shoot(user, "fax-page");

  await user.getByRole("link", { name: "Send fax" }).first().click();
  await expect(user.getByRole("heading", { name: "Send fax" })).toBeVisible();
  await shoot(user, "send-fax");
});
