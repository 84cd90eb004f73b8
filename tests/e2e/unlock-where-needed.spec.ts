/**
 * Issue 17: after a reload the password is asked only where documents are opened — in plain words,
 * in a labelled field with its error beside it — never on pages without documents, never of a
 * platform admin; encrypted names say why they are hidden; the Resend dialog asks inside itself.
 * The person's documents and faxes are in an organisation of their own, its key made by its first
 * admin.
 */
import { expect, type Page, test } from "@playwright/test";
import { textPdf } from "../support/text-pdf";
import { uploadDocument } from "./document-steps";
import { axeAtBothWidths } from "./first-admin-steps";
import { ADMIN, open, signIn, site } from "./helpers";
import { newOrganisation } from "./organisation";

const FILE = { name: `Referral ${Date.now().toString(36)}.pdf`, buffer: textPdf("Referral letter", 1) };

const prompt = (page: Page) => page.getByTestId("unlock-documents");
const oldBanner = (page: Page) => page.getByText(/keys are locked/i);

test("a platform admin is never asked for a password to open keys", async ({ page }) => {
  await signIn(page, ADMIN.host, ADMIN.username, ADMIN.password);
  for (const path of ["/dashboard", "/admin/tenants", "/admin/faxes"]) {
    await open(page, `${site(ADMIN.host)}${path}`);
    await page.waitForLoadState("networkidle");
    await expect(prompt(page)).toHaveCount(0);
    await expect(oldBanner(page)).toHaveCount(0);
  }
});

test("after a reload only the pages with documents ask, inline and in plain words", async ({ page }) => {
  test.setTimeout(240_000);
  const org = await newOrganisation("Unlock Clinic", { keys: true });
  const HOST = org.host;
  const USER = org.user;
  await signIn(page, HOST, USER.username, USER.password);
  await page.getByRole("link", { name: "Documents" }).first().click();
  await uploadDocument(page, FILE);

  // A reload: the dashboard opens no documents, so it asks nothing.
  await open(page, `${site(HOST)}/dashboard`);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expect(prompt(page)).toHaveCount(0);
  await expect(oldBanner(page)).toHaveCount(0);

  // Documents asks, with a labelled field; the names say why they are hidden.
  await open(page, `${site(HOST)}/documents`);
  await expect(prompt(page)).toContainText("Enter your password to open your documents");
  await expect(page.getByText("Name hidden until you enter your password").first()).toBeVisible();
  expect(await axeAtBothWidths(page, "documents, locked")).toEqual([]);
  const field = prompt(page).getByLabel("Your password");
  await field.fill("Not-My-Password-1");
  await prompt(page).getByRole("button", { name: "Open documents" }).click();
  await expect(prompt(page).getByRole("alert")).toHaveText("That is not your password. Try again.");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await field.fill(USER.password);
  await prompt(page).getByRole("button", { name: "Open documents" }).click();
  await expect(prompt(page)).toHaveCount(0);
  await expect(page.getByRole("row").filter({ hasText: FILE.name })).toBeVisible();

  // New fax asks too, above the form.
  await open(page, `${site(HOST)}/send/new`);
  await expect(prompt(page)).toContainText("Enter your password to open your documents and fax one.");
  await prompt(page).getByLabel("Your password").fill(USER.password);
  await prompt(page).getByRole("button", { name: "Open documents" }).click();
  await expect(prompt(page)).toHaveCount(0);

  // Send it, then reload the fax's page: the Resend dialog asks inside itself, not "above the page".
  const chooser = page.getByLabel("Document", { exact: true });
  await expect(chooser.locator("option", { hasText: FILE.name })).toBeEnabled({ timeout: 90_000 });
  await chooser.selectOption({ label: (await chooser.locator("option", { hasText: FILE.name }).textContent())! });
  await page.getByLabel("Fax numbers").fill("+1 312 555 0123");
  await page.getByRole("button", { name: "Send fax" }).click();
  await expect(page).toHaveURL(/\/send\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("fax-status")).toHaveText("Delivered", { timeout: 90_000 });
  await page.reload();
  await expect(page.getByText("Title hidden until you enter your password")).toBeVisible();
  await page.getByRole("button", { name: "Resend" }).click();
  const dialog = page.getByRole("dialog", { name: "Resend this fax" });
  await expect(dialog.getByTestId("unlock-documents")).toContainText("Enter your password to open the document");
  await expect(dialog.getByRole("button", { name: "Resend" })).toBeDisabled();
  expect(await axeAtBothWidths(page, "resend dialog, locked")).toEqual([]);
  await dialog.getByLabel("Your password").fill(USER.password);
  await dialog.getByRole("button", { name: "Open documents" }).click();
  await expect(dialog.getByTestId("unlock-documents")).toHaveCount(0);
  await dialog.getByRole("button", { name: "Resend" }).click();
  await expect(page).toHaveURL(/\/send\/[0-9a-f-]{36}$/);
  await expect(page.getByText("the earlier fax")).toBeVisible();
});
