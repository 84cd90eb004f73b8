/** Locking a user ends the session they have open elsewhere, at their very next click. */
import { expect, test } from "@playwright/test";
import { open, signIn, site } from "./helpers";
import { newOrganisation } from "./organisation";

test("an admin locks a signed-in user and the user is signed out at once", async ({ page, browser }) => {
  test.setTimeout(120_000); // it makes its organisation first
  const org = await newOrganisation("Revocation Clinic", { keys: true });
  const HOST = org.host;
  const CLERK = `temp.clerk@${org.host.replace(/\.localhost$/, ".example")}`;
  await signIn(page, HOST, org.admin.username, org.admin.password);
  await page.getByRole("link", { name: "Users" }).click();
  await page.getByRole("button", { name: "New user" }).click();
  await page.getByLabel("Email", { exact: true }).fill(CLERK);
  await page.getByLabel("Password", { exact: true }).fill("Temporary-Clerk-42");
  await page.getByRole("button", { name: "Create user" }).click();
  const row = page.getByRole("row", { name: CLERK }).first();
  await expect(row).toBeVisible();

  const clerkContext = await browser.newContext();
  const clerk = await clerkContext.newPage();
  await signIn(clerk, HOST, CLERK, "Temporary-Clerk-42");
  // The organisation's policy has people whose password an admin typed choose their own first.
  await expect(clerk).toHaveURL(/\/change-password/);

  // Lock sits in the row's "⋯" menu and asks first, saying it signs the person out.
  await row.getByRole("button", { name: /More actions for/ }).click();
  await page.getByRole("menuitem", { name: "Lock" }).click();
  const ask = page.getByRole("dialog", { name: `Lock ${CLERK}?` });
  await expect(ask).toContainText("signed out everywhere");
  await ask.getByRole("button", { name: "Lock" }).click();
  await expect(page.getByText(`${CLERK} is locked and has been signed out.`)).toBeVisible();

  await open(clerk, `${site(HOST)}/my-dids`);
  await expect(clerk.getByLabel("Username or email")).toBeVisible();
  await signIn(clerk, HOST, CLERK, "Temporary-Clerk-42");
  await expect(clerk.locator("p[role=alert]")).toHaveText(
    "This account is locked. Ask your administrator to unlock it.",
  );
  await clerkContext.close();
});
