/**
 * Documents need the organisation key, which exists once an organisation admin has signed in (their
 * browser makes it). Whichever spec runs first, make sure that has happened for Acme.
 */
import { type Browser, expect, type Page } from "@playwright/test";
import pg from "pg";
import { E2E_DATABASE_URL } from "./e2e-database";
import { signIn } from "./helpers";

export async function ensureAcmeOrganisationKey(browser: Browser) {
  await ensureOrganisationKey(browser, {
    host: "acme.localhost",
    slug: "acme-health",
    username: "acme-admin",
    password: "Acme-Admin-2026",
  });
}

/** Signs the organisation's first admin in (their browser makes the key) unless the key exists. */
export async function ensureOrganisationKey(
  browser: Browser,
  org: { host: string; slug: string; username: string; password: string },
) {
  const db = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await db.connect();
  const key = async () =>
    (await db.query(`SELECT "publicKey" FROM "Tenant" WHERE slug = $1`, [org.slug])).rows[0]?.publicKey;
  try {
    if (await key()) return;
    const page = await browser.newPage();
    try {
      await signIn(page, org.host, org.username, org.password);
      await expect.poll(key, { timeout: 30_000 }).toBeTruthy();
    } finally {
      await page.close();
    }
  } finally {
    await db.end();
  }
}

/**
 * Grant as an organisation admin does it (issue 16): the waiting person reads the safety code from
 * their own Waiting for access notice; Grant stays disabled until the admin has typed that code.
 * `person` is the waiting person's page, showing the notice; `admin` shows the Users page, unlocked.
 */
export async function grantWithSafetyCode(admin: Page, person: Page, username: string) {
  const code = person.getByTestId("my-safety-code");
  await expect(code).toHaveText(/^\d{4} \d{4}$/);
  const spoken = (await code.textContent())!;
  const row = admin.getByTestId("waiting-person").filter({ hasText: username });
  const grant = row.getByRole("button", { name: `Grant access to ${username}` });
  const field = row.getByLabel(`Safety code ${username} reads to you`);
  await field.fill(spoken.replace(/\d$/, (d) => String((Number(d) + 1) % 10))); // one digit misheard
  await expect(row.getByText("Not their code yet.")).toBeVisible();
  await expect(grant).toBeDisabled();
  await field.fill(spoken);
  await expect(row.getByText("The code matches.")).toBeVisible();
  await grant.click();
  await expect(grant).toHaveCount(0);
}
