/**
 * Issue 17: a new organisation's recovery code is a step of its own — named for the organisation,
 * printable on one page, downloadable as a dated file, confirmed by typing its last group (the error
 * beside the field), with a warning on leaving; a reload before confirming leads back to the step
 * with a new code; later an organisation admin makes a new code from the dashboard.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import {
  acceptWelcome,
  axeAtBothWidths,
  createOrganisation,
  RECOVERY_CODE,
  saveRecoveryCode,
} from "./first-admin-steps";
import { linkMailedTo, open, site } from "./helpers";

const warnsOnLeaving = (page: Page) =>
  page.evaluate(() => {
    const event = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });

test("the recovery code is a step of its own that cannot be skipped by accident", async ({ page, browser }) => {
  test.setTimeout(180_000);
  // Names of its own (a random tag, made per run): it runs beside other specs, and twice, unmet.
  const TAG = randomBytes(3).toString("hex");
  const ORG = { name: `Lighthouse Dental ${TAG}`, domain: `lighthouse-${TAG}.localhost` };
  const BOSS = { username: `lh-boss-${TAG}`, email: `boss-${TAG}@lighthouse.test`, password: "Tidal-Beacon-Own-5" };
  await createOrganisation(browser, { ...ORG, admin: { username: BOSS.username, email: BOSS.email } });
  await acceptWelcome(page, await linkMailedTo(BOSS.email, "welcome"), BOSS.password);

  // Its own page, naming the organisation, with the code.
  await expect(page).toHaveURL(/\/setup\/recovery-code$/);
  await expect(page.getByRole("heading", { name: `Recovery code for ${ORG.name}` })).toBeVisible();
  const code = page.getByTestId("recovery-code");
  await expect(code).toHaveText(RECOVERY_CODE);
  const first = (await code.textContent())!;
  expect(await axeAtBothWidths(page, "recovery step")).toEqual([]);

  // Download: a file named for the organisation and the day, holding the code.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    new RegExp(`^lighthouse-dental-${TAG}-recovery-code-\\d{4}-\\d{2}-\\d{2}\\.txt$`),
  );
  expect(readFileSync((await download.path())!, "utf8")).toContain(first);

  // Print: one page, the sheet without buttons, navigation or the confirm form.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("recovery-sheet")).toBeVisible();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(page.getByLabel("Last four characters of the code")).toBeHidden();
  const pdf = (await page.pdf({ format: "A4" })).toString("latin1");
  expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  await page.emulateMedia({ media: "screen" });

  // Not confirmed yet: leaving warns, and a wrong last group is refused beside the field.
  expect(await warnsOnLeaving(page)).toBe(true);
  await page.getByLabel("Last four characters of the code").fill("ZZZZ" === first.slice(-4) ? "YYYY" : "ZZZZ");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("That is not the end of the code above.")).toBeVisible();
  await expect(page.getByLabel("Last four characters of the code")).toHaveAttribute("aria-invalid", "true");

  // A reload (the code is gone from memory): any portal page leads back to the step, which asks
  // for the password in plain words and makes a new code, saying the old one no longer works.
  await open(page, `${site(ORG.domain)}/dashboard`);
  await expect(page).toHaveURL(/\/setup\/recovery-code$/);
  await page.getByTestId("unlock-documents").getByLabel("Your password").fill(BOSS.password);
  await page.getByRole("button", { name: "Open documents" }).click();
  await expect(page.getByTestId("code-replaced-on-reload")).toBeVisible();
  await expect(code).toHaveText(RECOVERY_CODE);
  expect(await code.textContent()).not.toBe(first);
  await saveRecoveryCode(page);
  expect(await warnsOnLeaving(page)).toBe(false);

  // Later: a new code from the dashboard replaces the current one.
  await page.getByRole("link", { name: "Make a new recovery code" }).click();
  await expect(page.getByRole("heading", { name: `Recovery code for ${ORG.name}` })).toBeVisible();
  // After a client-side navigation the page's title is streamed in with its metadata: wait for it.
  await expect(page).toHaveTitle(/Recovery code/);
  expect(await axeAtBothWidths(page, "new recovery code offer")).toEqual([]);
  await page.getByRole("button", { name: "Make a new recovery code" }).click();
  await expect(code).toHaveText(RECOVERY_CODE);
  await expect(page.getByTestId("code-replaced-on-reload")).toHaveCount(0);
  await saveRecoveryCode(page);
});
