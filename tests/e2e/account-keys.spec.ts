/**
 * Keys made and opened only in the browser (issue 7, §1–2), through the real pages: an admin creates
 * a person (their key pair is made in the admin's browser), the person signs in and must choose their
 * own password (the same pair is re-sealed), a reload asks for the password to unlock without a new
 * sign-in, and a later change keeps the same key usable.
 */
import { expect, type Page, test } from "@playwright/test";
import { signInFirstAdmin } from "./first-admin-steps";
import { open, signIn, signOut, site } from "./helpers";
import { newOrganisation } from "./organisation";

const PASSWORDS = { first: "Temp-Orchard-Key-1", own: "Own-Orchard-Key-2" };

const unlocked = (page: Page) => page.getByTestId("keys-unlocked");
const unlockPrompt = (page: Page) => page.getByTestId("unlock-documents");

async function fingerprint(page: Page) {
  const shown = page.getByTestId("key-fingerprint");
  await expect(shown).toHaveText(/\S{4} \S{4} \S{4} \S{4}/);
  return shown.textContent();
}

test("a person's keys survive the forced first change and a reload, and open only with their password", async ({
  page,
}) => {
  test.setTimeout(120_000); // it makes its organisation and the organisation key first
  // An organisation of its own, whose first admin has just made its key.
  const org = await newOrganisation("Keyholders");
  const HOST = org.host;
  const PERSON = { email: `keyholder@${HOST.replace(/\.localhost$/, ".example")}`, ...PASSWORDS };
  await signInFirstAdmin(page, org);
  await page.getByRole("link", { name: "Users" }).click();
  await page.getByRole("button", { name: "New user" }).click();
  await page.getByLabel("Email", { exact: true }).fill(PERSON.email);
  await page.getByLabel("First name").fill("Kim");
  await page.getByLabel("Last name").fill("Holder");
  await page.getByLabel("Password", { exact: true }).fill(PERSON.first);
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("cell", { name: PERSON.email }).first()).toBeVisible();
  await signOut(page);

  // The admin's password must be replaced first; the key the admin's browser made is re-sealed.
  await signIn(page, HOST, PERSON.email, PERSON.first);
  await expect(page.getByText("Choose a new password before you continue.")).toBeVisible();
  const before = await fingerprint(page);
  await page.getByLabel("Current password").fill(PERSON.first);
  await page.getByLabel("New password", { exact: true }).fill(PERSON.own);
  await page.getByLabel("Repeat new password").fill(PERSON.own);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(unlocked(page)).toBeAttached();

  // A reload forgets the keys; the session stays. The dashboard opens no documents and asks nothing;
  // the Documents page asks for the password.
  await open(page, `${site(HOST)}/dashboard`);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(unlockPrompt(page)).toHaveCount(0);
  // Nor in any other shape (the old banner "Your keys are locked in this tab" asked on every page).
  await expect(page.getByText(/keys are locked/i)).toHaveCount(0);
  await expect(page.locator('input[type="password"]')).toHaveCount(0);
  await open(page, `${site(HOST)}/documents`);
  const unlockField = unlockPrompt(page).getByLabel("Your password");
  await unlockField.fill(PERSON.first);
  await page.getByRole("button", { name: "Open documents" }).click();
  await expect(unlockPrompt(page).getByText("That is not your password. Try again.")).toBeVisible();
  await unlockField.fill(PERSON.own);
  await page.getByRole("button", { name: "Open documents" }).click();
  await expect(unlocked(page)).toBeAttached();
  await expect(unlockPrompt(page)).toHaveCount(0);

  // Signing in again opens the same key with the new password.
  await signOut(page);
  await signIn(page, HOST, PERSON.email, PERSON.own);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(unlocked(page)).toBeAttached();
  await page.getByRole("link", { name: "Change password" }).first().click();
  expect(await fingerprint(page)).toBe(before);
});
