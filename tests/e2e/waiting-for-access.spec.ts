/**
 * Issue 17: someone waiting for access is told whom to ask (the organisation admins who can grant,
 * by name) and what still works; the organisation's admins are mailed once and see them on the
 * dashboard, with a link to grant.
 */
import { expect, test } from "@playwright/test";
import { sql } from "./e2e-database";
import { axeAtBothWidths } from "./first-admin-steps";
import { ADMIN, choosePasswordByLink, linkMailedTo, open, signIn, signInPlatformAdmin, site } from "./helpers";
import { newOrganisation } from "./organisation";

test("a person waiting is told whom to ask; the admins are mailed and see them on the dashboard", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  // An organisation of its own whose first admin holds the key (so can grant), and a user with keys.
  const org = await newOrganisation("Willow Surgery", { keys: true });
  await sql(`UPDATE "User" SET "firstName" = 'Alice', "lastName" = 'Admin' WHERE id = $1`, [org.admin.id]);
  await sql(`UPDATE "User" SET "firstName" = 'Wendy', "lastName" = 'Waiter' WHERE id = $1`, [org.user.id]);
  const HOST = org.host;
  const PERSON = { email: org.user.email, reset: "Reset-Willow-Key-3" };

  // She forgets her password and resets it by the mailed link: fresh keys.
  await open(page, `${site(HOST)}/forgot-password`);
  await page.getByLabel("Username or email").fill(PERSON.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText("If an account matches, we sent a link")).toBeVisible();
  await choosePasswordByLink(page, await linkMailedTo(PERSON.email, "reset-password"), PERSON.reset);
  await signIn(page, HOST, PERSON.email, PERSON.reset);

  // Whom to ask, by name, and what still works.
  const notice = page.getByTestId("waiting-for-access");
  await expect(notice.getByTestId("whom-to-ask")).toContainText(`Alice Admin (${org.admin.username})`);
  await expect(notice.getByTestId("what-still-works")).toContainText("send faxes");
  expect(await axeAtBothWidths(page, "waiting for access notice")).toEqual([]);

  // The organisation's admin was mailed (once), and sees her on the dashboard with a way to grant.
  const outbox = await browser.newPage();
  await signInPlatformAdmin(outbox);
  await open(outbox, `${site(ADMIN.host)}/admin/outbox`);
  await expect(
    outbox
      .getByRole("row")
      .filter({ hasText: org.admin.email })
      .filter({ hasText: "Wendy Waiter" })
      .filter({ hasText: "is waiting for access" }),
  ).toHaveCount(1);
  await outbox.close();
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, HOST, org.admin.username, org.admin.password);
  const waiting = admin.getByTestId("waiting-notice");
  await expect(waiting).toContainText("Wendy Waiter");
  expect(await axeAtBothWidths(admin, "dashboard waiting notice")).toEqual([]);
  await waiting.getByRole("link", { name: "Review them and grant access" }).click();
  await expect(admin.getByTestId("waiting-person").filter({ hasText: org.user.username })).toBeVisible();
  await adminContext.close();
});
