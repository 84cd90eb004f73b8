/**
 * A new organisation's first day (issue 17), as a new user found it on a fresh clone at 1280 and
 * 390 px: the organisation's brand on every page of its domain (also after signing out), cards with
 * room above their first field, password rules that never contradict the server, a searchable time
 * zone picker with the organisation's country first, settings tabs that fit a phone, a favicon,
 * and a dashboard that says what exists today.
 */
import { expect, type Page, test } from "@playwright/test";
import { wcagViolations } from "./axe";
import { open, signIn, site } from "./helpers";
import { newOrganisation } from "./organisation";

const ACME = "acme.localhost";
const WIDTHS = [
  { name: "phone", width: 390, height: 844 },
  { name: "laptop", width: 1280, height: 800 },
];

/** Acme Health's brand, nothing of the provider's (whose sign-in page staff would take for phishing). */
async function expectAcmeBrand(page: Page, where: string) {
  await expect(page.getByTestId("brand-name"), where).toHaveText("Acme Health");
  await expect(page.getByTestId("brand-footer"), where).not.toContainText("Faxport");
  await expect(page.getByText("Faxport Platform Administration"), where).toHaveCount(0);
  expect(await page.title(), where).not.toContain("Faxport");
}

test("every page of an organisation's domain shows its brand: signed out, forgot and reset password, a missing page", async ({
  page,
}) => {
  await signIn(page, ACME, "acme-user", "Acme-User-2026");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByLabel("Username or email")).toBeVisible();
  await expect(page).toHaveURL(`${site(ACME)}/login`);
  await expectAcmeBrand(page, "signed out");

  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expect(page.getByRole("button", { name: /reset link/i })).toBeVisible();
  await expectAcmeBrand(page, "forgot password, reached from the signed-out page");

  await open(page, `${site(ACME)}/reset-password?token=not-a-real-token`);
  await expectAcmeBrand(page, "reset password");

  const missing = await page.goto(`${site(ACME)}/no-such-page`);
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectAcmeBrand(page, "a missing page");
});

for (const size of WIDTHS) {
  test(`cards leave room above their first field on a ${size.name} (${size.width} px)`, async ({ page }) => {
    await page.setViewportSize(size);
    for (const path of ["/login", "/forgot-password", "/reset-password?token=x"]) {
      await open(page, `${site(ACME)}${path}`);
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
  await signIn(page, ACME, "acme-user", "Acme-User-2026");
  await open(page, `${site(ACME)}/change-password`);
  const rules = page.getByTestId("password-rules");
  const newPassword = page.getByLabel("New password", { exact: true });
  await newPassword.fill("harbourlights");
  await expect(rules).toHaveText("Needs 1 upper-case letter, 1 digit.");
  await newPassword.fill("Acme-user-Harbour-9");
  await expect(rules).toContainText("no part of your name, username or email");
  await expect(rules).not.toContainText("Meets the password rules");
  await newPassword.fill("Harbour-Lights-42");
  await expect(rules).toHaveText("Meets the password rules.");
});

test.describe("an organisation admin's settings", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, ACME, "acme-admin", "Acme-Admin-2026");
  });

  test("the time zone is a searchable list with the organisation's country first, by keyboard", async ({ page }) => {
    await open(page, `${site(ACME)}/admin/settings/time-zone`);
    const zone = page.getByRole("combobox", { name: "Time zone" });
    await expect(zone).toHaveValue("UTC");
    await zone.focus();
    await page.keyboard.press("ArrowDown");
    const list = page.getByRole("listbox", { name: "Time zones" });
    await expect(list).toBeVisible();
    // Acme is in the United States: its zones come first.
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

    // Back to UTC, as the demo had it; Escape closes the list without choosing.
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

  for (const size of WIDTHS) {
    test(`every settings tab is on the screen on a ${size.name} (${size.width} px)`, async ({ page }) => {
      await page.setViewportSize(size);
      await open(page, `${site(ACME)}/admin/settings/branding`);
      const tabs = page.getByRole("navigation", { name: "Settings" }).getByRole("link");
      await expect(tabs).toHaveCount(5);
      for (const tab of await tabs.all()) {
        const name = (await tab.textContent()) ?? "";
        const box = await tab.boundingBox();
        expect(box, name).not.toBeNull();
        expect(box!.x, `${name} starts inside the screen`).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width, `${name} ends inside the screen`).toBeLessThanOrEqual(size.width);
      }
    });
  }
});

test("the portal has a favicon on every domain", async ({ page }) => {
  // Asked for from the page, the way a browser asks (Node cannot resolve *.localhost names).
  const status = (path: string) => page.evaluate(async (p) => (await fetch(p)).status, path);
  for (const host of ["localhost", ACME]) {
    await open(page, `${site(host)}/login`);
    expect(await status("/favicon.ico"), `${host}/favicon.ico`).toBe(200);
    const icons = await page.locator("link[rel=icon]").evaluateAll((links) => links.map((l) => l.getAttribute("href")));
    expect(icons.length, `${host}: icons named by the page`).toBeGreaterThan(0);
    for (const href of icons) expect(await status(href!), `${host}${href}`).toBe(200);
  }
});

test("a new user's dashboard says what exists today, not that sending opens later", async ({ page }) => {
  // An organisation of its own: in Acme other specs have sent faxes by now.
  const org = await newOrganisation(null, "First Fax");
  await signIn(page, org.host, org.user.username, org.user.password);
  const recent = page.getByTestId("recent-faxes");
  await expect(recent).toContainText("No faxes yet");
  await expect(recent).not.toContainText("once sending and receiving open");
  await expect(recent.getByRole("link", { name: "Send a fax" })).toHaveAttribute("href", "/send/new");
});
