/**
 * A new person's first steps (issue 17): the welcome link greets them, they choose a password and are
 * signed in; a new organisation's first admin then saves and confirms the recovery code.
 */
import { type Browser, expect, type Page } from "@playwright/test";
import { wcagViolations } from "./axe";
import { open, signIn, signInPlatformAdmin } from "./helpers";

export const RECOVERY_CODE = /^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/;

/** Opens a welcome link, chooses the password; ends signed in (recovery step or dashboard). */
export async function acceptWelcome(page: Page, href: string, password: string) {
  await open(page, href);
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("Repeat new password").fill(password);
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(
    page.getByRole("heading", { name: /^Recovery code for / }).or(page.getByRole("heading", { name: "Dashboard" })),
  ).toBeVisible();
}

/** On the recovery step: reads the code, confirms it by its last group, lands on the dashboard. */
export async function saveRecoveryCode(page: Page): Promise<string> {
  const code = page.getByTestId("recovery-code");
  await expect(code).toHaveText(RECOVERY_CODE);
  const value = (await code.textContent())!;
  await page.getByLabel("Last four characters of the code").fill(value.slice(-4));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  return value;
}

/**
 * A new organisation's first admin signs in for the first time (e.g. one from newOrganisation without keys):
 * their browser makes the organisation key, they save the recovery code and land on the dashboard
 * with their keys open. The browser makes the key here, as it does for a real first admin.
 */
export async function signInFirstAdmin(
  page: Page,
  org: { host: string; admin: { username: string; password: string } },
) {
  await signIn(page, org.host, org.admin.username, org.admin.password);
  return saveRecoveryCode(page);
}

/** A new organisation, created by the platform admin (in a page of its own), whose first admin is mailed a welcome. */
export async function createOrganisation(
  browser: Browser,
  org: { name: string; domain: string; admin: { username: string; email: string } },
) {
  const platform = await browser.newPage();
  await signInPlatformAdmin(platform);
  const created = await platform.evaluate(
    async (input) => {
      const res = await fetch("/api/trpc/tenant.create", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: input }),
      });
      return { status: res.status, body: await res.text() };
    },
    {
      name: org.name,
      domains: [org.domain],
      dailyFaxLimit: 100,
      monthlyFaxLimit: 1000,
      retentionMinDays: 1,
      retentionMaxDays: 8,
      admin: org.admin,
    },
  );
  expect(created.status, created.body).toBe(200);
  await platform.close();
}

/** WCAG A/AA findings at a phone's and a desktop's width (the page is left at desktop width). */
export async function axeAtBothWidths(page: Page, where: string) {
  const found: string[] = [];
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    found.push(...(await wcagViolations(page, `${where} at ${width}px`)));
  }
  return found;
}
