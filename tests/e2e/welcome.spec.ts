/**
 * Issue 17: the welcome link opens a welcome page that greets the person by name and organisation,
 * lets them choose a password and signs them in — no second sign-in, no username to retype — and
 * a new organisation's first admin goes straight on to the recovery-code step.
 */
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { axeAtBothWidths, createOrganisation } from "./first-admin-steps";
import { linkMailedTo, open } from "./helpers";

test("the welcome link greets the person, signs them in and leads to the recovery step", async ({ page, browser }) => {
  test.setTimeout(120_000);
  // Names of its own (a random tag, made per run): it runs beside other specs, and twice, unmet.
  const TAG = randomBytes(3).toString("hex");
  const ORG = { name: `Harbourside Vets ${TAG}`, domain: `harbourside-${TAG}.localhost` };
  const BOSS = { username: `hv-boss-${TAG}`, email: `boss-${TAG}@harbourside.test`, password: "Quay-Lantern-Own-8" };
  await createOrganisation(browser, { ...ORG, admin: { username: BOSS.username, email: BOSS.email } });
  const link = await linkMailedTo(BOSS.email, "welcome");
  expect(link).toMatch(new RegExp(`^http://harbourside-${TAG}\\.localhost:\\d+/welcome\\?token=`));

  await open(page, link);
  await expect(page.getByTestId("welcome-heading")).toHaveText(`Welcome, ${BOSS.username}`);
  await expect(page.getByText(`You have an account on ${ORG.name}'s fax portal.`)).toBeVisible();
  await expect(page.getByText(`Your username is ${BOSS.username}.`)).toBeVisible();
  expect(await axeAtBothWidths(page, "welcome page")).toEqual([]);

  await page.getByLabel("New password", { exact: true }).fill(BOSS.password);
  await page.getByLabel("Repeat new password").fill(BOSS.password);
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  // Signed in without a second form: straight to the organisation's recovery code.
  await expect(page.getByRole("heading", { name: `Recovery code for ${ORG.name}` })).toBeVisible();
  await expect(page.getByTestId("recovery-code")).toBeVisible();
  await expect(page.getByTestId("unlock-documents")).toHaveCount(0);
});
