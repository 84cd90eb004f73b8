/**
 * Issue 17: someone waiting for access is told whom to ask (the organisation admins who can grant,
 * by name) and what still works; the organisation's admins are mailed once and see them on the
 * dashboard, with a link to grant.
 */
import { expect, test } from "@playwright/test";
import { axeAtBothWidths } from "./first-admin-steps";
import { ADMIN, choosePasswordByLink, linkMailedTo, open, signIn, signOut, site } from "./helpers";
import { ensureAcmeOrganisationKey } from "./organisation-key";

const HOST = "acme.localhost";
const PERSON = { email: "wendy.waiter@acme.example", typed: "Typed-Willow-Key-1", own: "Own-Willow-Key-2" };

test.beforeAll(async ({ browser }) => ensureAcmeOrganisationKey(browser));

test("a person waiting is told whom to ask; the admins are mailed and see them on the dashboard", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signIn(page, HOST, "acme-admin", "Acme-Admin-2026");
  await page.getByRole("link", { name: "Users" }).click();
  await page.getByRole("button", { name: "New user" }).click();
  await page.getByLabel("Email", { exact: true }).fill(PERSON.email);
  await page.getByLabel("First name").fill("Wendy");
  await page.getByLabel("Last name").fill("Waiter");
  await page.getByLabel("Password", { exact: true }).fill(PERSON.typed);
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("cell", { name: PERSON.email }).first()).toBeVisible();
  await signOut(page);

  // She chooses her own password, then forgets it and resets it by the mailed link: fresh keys.
  await signIn(page, HOST, PERSON.email, PERSON.typed);
  await page.getByLabel("Current password").fill(PERSON.typed);
  await page.getByLabel("New password", { exact: true }).fill(PERSON.own);
  await page.getByLabel("Repeat new password").fill(PERSON.own);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await signOut(page);
  await open(page, `${site(HOST)}/forgot-password`);
  await page.getByLabel("Username or email").fill(PERSON.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText("If an account matches, we sent a link")).toBeVisible();
  await choosePasswordByLink(page, await linkMailedTo(browser, PERSON.email), "Reset-Willow-Key-3");
  await signIn(page, HOST, PERSON.email, "Reset-Willow-Key-3");

  // Whom to ask, by name, and what still works.
  const notice = page.getByTestId("waiting-for-access");
  await expect(notice.getByTestId("whom-to-ask")).toContainText("Alice Admin (acme-admin)");
  await expect(notice.getByTestId("what-still-works")).toContainText("send faxes");
  expect(await axeAtBothWidths(page, "waiting for access notice")).toEqual([]);

  // The organisation's admin was mailed (once), and sees her on the dashboard with a way to grant.
  const outbox = await browser.newPage();
  await signIn(outbox, ADMIN.host, ADMIN.username, ADMIN.password);
  await open(outbox, `${site(ADMIN.host)}/admin/outbox`);
  await expect(
    outbox.getByRole("row").filter({ hasText: "Wendy Waiter" }).filter({ hasText: "is waiting for access" }),
  ).toHaveCount(1);
  await outbox.close();
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, HOST, "acme-admin", "Acme-Admin-2026");
  const waiting = admin.getByTestId("waiting-notice");
  await expect(waiting).toContainText("Wendy Waiter");
  expect(await axeAtBothWidths(admin, "dashboard waiting notice")).toEqual([]);
  await waiting.getByRole("link", { name: "Review them and grant access" }).click();
  await expect(admin.getByTestId("waiting-person").filter({ hasText: PERSON.email })).toBeVisible();
  await adminContext.close();
});
