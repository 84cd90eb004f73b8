/**
 * A new organisation's first day (issue 17), as a new user found it on a fresh clone at 1280 and
 * 390 px: the organisation's brand on every page of its domain (also after signing out), cards with
 * room above their first field, password rules that never contradict the server, a searchable time
 * zone picker with the organisation's country first, settings tabs that fit a phone, a favicon,
 * and a dashboard that says what exists today. Each test meets a brand-new organisation of its own
 * (newOrganisation: its domain, admin and user as an organisation starts), so they run side by side.
 */
import { expect, type Page, test } from "@playwright/test";
import { wcagViolations } from "./axe";
import { signInFirstAdmin } from "./first-admin-steps";
import { open, signIn, site } from "./helpers";
import { newOrganisation, type Organisation } from "./organisation";

const WIDTHS = [
  { name: "phone", width: 390, height: 844 },
  { name: "laptop", width: 1280, height: 800 },
];

/** The organisation's brand, nothing of the provider's (whose sign-in page staff would take for phishing). */
async function expectBrand(page: Page, name: string, where: string) {
  await expect(page.getByTestId("brand-name"), where).toHaveText(name);
  await expect(page.getByTestId("brand-footer"), where).not.toContainText("Faxport");
  await expect(page.getByText("Faxport Platform Administration"), where).toHaveCount(0);
  expect(await page.title(), where).not.toContain("Faxport");
}

test("every page of an organisation's domain shows its brand: signed out, forgot and reset password, a missing page", async ({
  page,
}) => {
  const org = await newOrganisation("Brand Clinic");
  await signIn(page, org.host, org.user.username, org.user.password);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByLabel("Username or email")).toBeVisible();
  await expect(page).toHaveURL(`${site(org.host)}/login`);
  await expectBrand(page, org.name, "signed out");

  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expect(page.getByRole("button", { name: /reset link/i })).toBeVisible();
  await expectBrand(page, org.name, "forgot password, reached from the signed-out page");

  await open(page, `${site(org.host)}/reset-password?token=not-a-real-token`);
  await expectBrand(page, org.name, "reset password");

  const missing = await page.goto(`${site(org.host)}/no-such-page`);
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectBrand(page, org.name, "a missing page");
});

for (const size of WIDTHS) {
  test(`cards leave room above their first field on a ${size.name} (${size.width} px)`, async ({ page }) => {
    const org = await newOrganisation("Card Clinic");
    await page.setViewportSize(size);
    for (const path of ["/login", "/forgot-password", "/reset-password?token=x"]) {
      await open(page, `${site(org.host)}${path}`);
      const label = page.locator("main form label").first();
      const gap = await label.evaluate((el) => {
        const card = el.closest(".border");
        return card ? el.getBoundingClientRect().top - card.getBoundingClientRect().top : -1;
      });
      expect(gap, `${path}: space between the card's top border and its first label`).toBeGreaterThanOrEqual(12);
    }
  });
}

test("the password rules never say 'meets the rules' while the password holds the person's name", async ({ page }) => {
  const org = await newOrganisation("Rules Clinic");
  await signIn(page, org.host, org.user.username, org.user.password);
  await open(page, `${site(org.host)}/change-password`);
  const rules = page.getByTestId("password-rules");
  const newPassword = page.getByLabel("New password", { exact: true });
  await newPassword.fill("harbourlights");
  await expect(rules).toHaveText("Needs 1 upper-case letter, 1 digit.");
  // Their username, capitalised, inside an otherwise good password.
  await newPassword.fill(`U${org.user.username.slice(1)}-Harbour-9`);
  await expect(rules).toContainText("no part of your name, username or email");
  await expect(rules).not.toContainText("Meets the password rules");
  await newPassword.fill("Harbour-Lights-42");
  await expect(rules).toHaveText("Meets the password rules.");
});

test.describe("an organisation admin's settings on the first day", () => {
  // A brand-new organisation each: its first admin signs in, saves the recovery code, and goes on.
  let org: Organisation;
  test.beforeEach(async ({ page }) => {
    org = await newOrganisation("Settings Clinic");
    await signInFirstAdmin(page, org);
  });

  test("the time zone is a searchable list with the organisation's country first, by keyboard", async ({ page }) => {
    // axe over the whole open list (every zone, some 400 options) takes tens of seconds on a busy machine.
    test.setTimeout(120_000);
    await open(page, `${site(org.host)}/admin/settings/time-zone`);
    const zone = page.getByRole("combobox", { name: "Time zone" });
    await expect(zone).toHaveValue("UTC");
    await zone.focus();
    await page.keyboard.press("ArrowDown");
    const list = page.getByRole("listbox", { name: "Time zones" });
    await expect(list).toBeVisible();
    // A new organisation is in the United States until told otherwise: its zones come first.
    const first = list.getByRole("group").first();
    await expect(first).toHaveAccessibleName("United States");
    await expect(first.getByRole("option", { name: /^America\/New York/ })).toBeVisible();
    expect(await wcagViolations(page, "time zone list, open")).toEqual([]);

    await zone.fill("nowhere at all");
    await expect(page.getByRole("status").filter({ hasText: "No time zone matches" })).toHaveText(
      "No time zone matches “nowhere at all”.",
    );
    await expect(zone).toHaveAttribute("aria-expanded", "false");

    await zone.fill("new york");
    await expect(list.getByRole("option")).toHaveCount(1);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(zone).toHaveValue("America/New York");
    await expect(list).toBeHidden();
    await expect(page.getByText("Now in this zone:")).toContainText(/E[SD]T|GMT-[45]/);
    await page.getByRole("button", { name: "Save time zone" }).click();
    await expect(page.getByText("Time zone saved.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Save time zone" })).toBeDisabled(); // nothing left to save

    // Back to UTC; Escape closes the list without choosing.
    await zone.fill("utc");
    await expect(list.getByRole("option", { name: /^UTC/ })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(list).toBeHidden();
    await zone.fill("utc");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(zone).toHaveValue("UTC");
    await page.getByRole("button", { name: "Save time zone" }).click();
    await expect(page.getByText("Time zone saved.")).toBeVisible();
  });

  test("every settings tab is on the screen on a phone (390 px) and a laptop (1280 px)", async ({ page }) => {
    // One sign-in, each width opening the page afresh as a person on that screen would.
    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      await open(page, `${site(org.host)}/admin/settings/branding`);
      const tabs = page.getByRole("navigation", { name: "Settings" }).getByRole("link");
      await expect(tabs).toHaveCount(5);
      for (const tab of await tabs.all()) {
        const name = `${(await tab.textContent()) ?? ""} on a ${size.name}`;
        const box = await tab.boundingBox();
        expect(box, name).not.toBeNull();
        expect(box!.x, `${name} starts inside the screen`).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width, `${name} ends inside the screen`).toBeLessThanOrEqual(size.width);
      }
    }
  });
});

test("the portal has a favicon on every domain", async ({ page }) => {
  const org = await newOrganisation("Icon Clinic");
  // Asked for from the page, the way a browser asks (Node cannot resolve *.localhost names).
  const status = (path: string) => page.evaluate(async (p) => (await fetch(p)).status, path);
  for (const host of ["localhost", org.host]) {
    await open(page, `${site(host)}/login`);
    expect(await status("/favicon.ico"), `${host}/favicon.ico`).toBe(200);
    const icons = await page.locator("link[rel=icon]").evaluateAll((links) => links.map((l) => l.getAttribute("href")));
    expect(icons.length, `${host}: icons named by the page`).toBeGreaterThan(0);
    for (const href of icons) expect(await status(href!), `${host}${href}`).toBe(200);
  }
});

test("a new user's dashboard says what exists today, not that sending opens later", async ({ page }) => {
  const org = await newOrganisation("First Fax");
  await signIn(page, org.host, org.user.username, org.user.password);
  const recent = page.getByTestId("recent-faxes");
  await expect(recent).toContainText("No faxes yet");
  await expect(recent).not.toContainText("once sending and receiving open");
  await expect(recent.getByRole("link", { name: "Send a fax" })).toHaveAttribute("href", "/send/new");
});
