/**
 * The one-time recovery code (issue 7, §2), through the real pages: a new organisation's first admin
 * chooses a password by the welcome link and signs in, their browser makes the organisation key and
 * shows the code once; later the only admin
 * forgets their password, resets it (fresh keys: waiting for access) and restores access by typing
 * the code — after which the document they uploaded at the start downloads unchanged.
 */
import { expect, test } from "@playwright/test";
import { textPdf } from "../support/text-pdf";
import { expectDocumentReadable, uploadDocument } from "./document-steps";
import { acceptWelcome, saveRecoveryCode } from "./first-admin-steps";
import { ADMIN, choosePasswordByLink, linkMailedTo, open, signIn, signOut, site } from "./helpers";

const DOMAIN = "recovery.localhost";
const FILE = { name: "Partnership terms.pdf", buffer: textPdf(`RECOVERY${Date.now().toString(36).toUpperCase()}`, 1) };
const BOSS = { username: "rc-admin", email: "boss@recovery.test", password: "Recovery-Admin-1" };

test("the recovery code restores the only admin after a password reset", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, ADMIN.host, ADMIN.username, ADMIN.password);
  await page.getByRole("link", { name: "Organisations" }).click();
  await page.getByRole("button", { name: "New organisation" }).click();
  await page.getByLabel("Organisation name").fill("Recovery Partners");
  await page.getByLabel("Domains").fill(DOMAIN);
  await page.getByLabel("Admin username").fill(BOSS.username);
  await page.getByLabel("Admin email").fill(BOSS.email);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByText(/Organisation Recovery Partners created\. A welcome link/)).toBeVisible();
  await signOut(page);

  // The first admin chooses their password by the welcome link and signs in: the organisation key
  // is made here, in their browser, and its recovery code shown once.
  await acceptWelcome(page, await linkMailedTo(BOSS.email, "welcome"), BOSS.password);
  const recoveryCode = await saveRecoveryCode(page);
  // A document of theirs, which must survive what follows.
  await page.getByRole("link", { name: "Documents" }).first().click();
  await uploadDocument(page, FILE);
  await expectDocumentReadable(page, FILE);
  await signOut(page);

  // The only admin forgets their password and resets it by the mailed link.
  await open(page, `${site(DOMAIN)}/forgot-password`);
  await page.getByLabel("Username or email").fill(BOSS.username);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText("If an account matches, we sent a link")).toBeVisible();
  await choosePasswordByLink(page, await linkMailedTo(BOSS.email, "reset-password"), "Recovered-Admin-2");

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
  // The organisation key opens the document's key again: the same document downloads unchanged.
  await page.getByRole("link", { name: "Documents" }).first().click();
  await expectDocumentReadable(page, FILE);
  await signOut(page);
});
