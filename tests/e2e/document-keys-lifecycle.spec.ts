/**
 * No password event makes a document unreadable for good (issue 7, §2), through the real pages: a
 * person uploads a document, then changes their password (same keys re-sealed: still readable),
 * forgets it and resets it by the mailed link (fresh keys: waiting for access until an organisation
 * admin grants, then readable again), and has a password set by the admin (waiting again — setting a
 * password gains the admin nothing — until granted). Each time the document's original downloads
 * byte for byte. It runs in an organisation of its own, made new for it: its first admin makes the
 * organisation key at their first sign-in and grants what follows.
 */
import { expect, type Page, test } from "@playwright/test";
import { textPdf } from "../support/text-pdf";
import { documentRow, expectDocumentReadable, uploadDocument } from "./document-steps";
import { signInFirstAdmin } from "./first-admin-steps";
import { choosePasswordByLink, linkMailedTo, open, signIn, signOut, site } from "./helpers";
import { newOrganisation, type Organisation } from "./organisation";
import { grantWithSafetyCode } from "./organisation-key";

const RUN = Date.now().toString(36);
const FILE = { name: `Lifecycle ${RUN}.pdf`, buffer: textPdf(`LIFECYCLE${RUN.toUpperCase()}`, 1) };

const waiting = (page: Page) => page.getByTestId("waiting-for-access");

async function openDocuments(page: Page) {
  await page.getByRole("link", { name: "Documents" }).first().click();
  await expect(page.getByRole("heading", { name: "Documents" })).toBeVisible();
}

/** Signs in (choosing their own password first if the last one was typed by someone else). */
async function signInPerson(page: Page, host: string, person: string, password: string, own?: string) {
  await signIn(page, host, person, password);
  if (own) {
    await expect(page.getByText("Choose a new password before you continue.")).toBeVisible();
    await page.getByLabel("Current password").fill(password);
    await page.getByLabel("New password", { exact: true }).fill(own);
    await page.getByLabel("Repeat new password").fill(own);
    await page.getByRole("button", { name: "Change password" }).click();
  }
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
}

/** The Users page by the navigation (a page load would lock the admin's keys in that tab). */
async function usersPage(admin: Page) {
  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users", exact: true }).click();
  await expect(admin.getByRole("heading", { name: "Users" })).toBeVisible();
}

/**
 * The organisation admin grants the waiting person access from the Users page, after checking how
 * they came to wait and the safety code the person reads from their own screen (`person`).
 */
async function grant(admin: Page, org: Organisation, person: Page, username: string, origin: RegExp) {
  // A fresh load of the page, as the admin would after hearing from the person: it locks the
  // admin's keys in that tab until they type their password.
  await open(admin, `${site(org.host)}/admin/users`);
  await admin.getByTestId("unlock-documents").getByLabel("Your password").fill(org.admin.password);
  await admin.getByRole("button", { name: "Open documents" }).click();
  await expect(admin.getByTestId("keys-unlocked")).toBeAttached();
  const row = admin.getByTestId("waiting-person").filter({ hasText: username });
  await expect(row.getByTestId("created-by")).toContainText(org.admin.username);
  await expect(row.getByTestId("waiting-origin")).toContainText(origin);
  await grantWithSafetyCode(admin, person, username);
}

test("a document stays readable through a password change, a reset with re-grant, and an admin-set password", async ({
  page,
  browser,
}) => {
  test.setTimeout(360_000);
  const org = await newOrganisation("Lifecycle Clinic");
  const HOST = org.host;
  const PERSON = `keeper@${HOST.replace(/\.localhost$/, ".example")}`;
  const signInAs = (password: string, own?: string) => signInPerson(page, HOST, PERSON, password, own);
  const admin = await browser.newPage();
  // The first admin's first sign-in makes the organisation key in this page, which stays signed in.
  await signInFirstAdmin(admin, org);
  await usersPage(admin);
  await admin.getByRole("button", { name: "New user" }).click();
  await admin.getByLabel("Email", { exact: true }).fill(PERSON);
  await admin.getByLabel("First name").fill("Kay");
  await admin.getByLabel("Last name").fill("Keeper");
  await admin.getByLabel("Password", { exact: true }).fill("Typed-Meadow-Key-1");
  await admin.getByRole("button", { name: "Create user" }).click();
  await expect(admin.getByRole("cell", { name: PERSON }).first()).toBeVisible();

  // The person's first own password, and their document.
  await signInAs("Typed-Meadow-Key-1", "Own-Meadow-Key-2");
  await openDocuments(page);
  await uploadDocument(page, FILE);
  await expectDocumentReadable(page, FILE);

  // 1. A password change re-seals the same keys.
  await page.getByRole("link", { name: "Change password" }).first().click();
  await page.getByLabel("Current password").fill("Own-Meadow-Key-2");
  await page.getByLabel("New password", { exact: true }).fill("Changed-Meadow-Key-3");
  await page.getByLabel("Repeat new password").fill("Changed-Meadow-Key-3");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await signOut(page);
  await signInAs("Changed-Meadow-Key-3");
  await expect(waiting(page)).toHaveCount(0);
  await openDocuments(page);
  await expectDocumentReadable(page, FILE);
  await signOut(page);

  // 2. Forgot password: the reset gives fresh keys, which wait until the admin grants access.
  await open(page, `${site(HOST)}/forgot-password`);
  await page.getByLabel("Username or email").fill(PERSON);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText("If an account matches, we sent a link")).toBeVisible();
  await choosePasswordByLink(page, await linkMailedTo(PERSON, "reset-password"), "Reset-Meadow-Key-4");
  await signInAs("Reset-Meadow-Key-4");
  await expect(waiting(page)).toContainText("Waiting for access");
  await grant(admin, org, page, PERSON, /reset their own password with an emailed link/);
  await signOut(page);
  await signInAs("Reset-Meadow-Key-4");
  await expect(waiting(page)).toHaveCount(0);
  await openDocuments(page);
  await expectDocumentReadable(page, FILE);
  await signOut(page);

  // 3. The admin sets a password: the admin can sign in as nobody's keys — the person waits again.
  await usersPage(admin);
  await admin.getByLabel("Search").fill(PERSON);
  await expect(admin.getByText("1–1 of 1")).toBeVisible(); // the search has applied: the row stays put
  await admin.getByRole("button", { name: `More actions for ${PERSON}` }).click();
  await admin.getByRole("menuitem", { name: "Change password" }).click();
  await admin.getByLabel("Password", { exact: true }).fill("Admin-Set-Meadow-5");
  await admin.getByRole("button", { name: "Set password" }).click();
  await expect(admin.getByRole("dialog")).toHaveCount(0);
  await signInAs("Admin-Set-Meadow-5", "Mine-Again-Meadow-6");
  await expect(waiting(page)).toContainText("Waiting for access");
  // newOrganisation names its admin "admin Tester".
  await grant(admin, org, page, PERSON, new RegExp(`admin Tester \\(${org.admin.username}\\) set their password`));
  await signOut(page);
  await signInAs("Mine-Again-Meadow-6");
  await openDocuments(page);
  await expectDocumentReadable(page, FILE);

  // Last the document goes, then the person (the one check that Delete on the Users page works).
  const row = documentRow(page, FILE.name);
  await row.getByRole("button", { name: `More actions for ${FILE.name}` }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await page.getByRole("button", { name: "Delete document" }).click();
  await expect(row).toBeHidden();
  await signOut(page);
  await usersPage(admin);
  await admin.getByLabel("Search").fill(PERSON);
  await expect(admin.getByText("1–1 of 1")).toBeVisible(); // the search has applied: the row stays put
  await admin.getByRole("button", { name: `More actions for ${PERSON}` }).click();
  await admin.getByRole("menuitem", { name: "Delete" }).click();
  await admin
    .getByRole("dialog", { name: `Delete ${PERSON}?` })
    .getByRole("button", { name: "Delete user" })
    .click();
  await expect(admin.getByRole("cell", { name: PERSON })).toHaveCount(0);
  await admin.close();
});
