/**
 * Documents need the organisation key, which exists once an organisation admin has signed in (their
 * browser makes it). Whichever spec runs first, make sure that has happened for Acme.
 */
import { type Browser, expect } from "@playwright/test";
import pg from "pg";
import { signIn } from "./helpers";

export const E2E_DATABASE_URL = `postgresql://faxport_app:faxport-local@127.0.0.1:${process.env.E2E_PG_PORT ?? 54350}/faxport`;

export async function ensureAcmeOrganisationKey(browser: Browser) {
  const page = await browser.newPage();
  await signIn(page, "acme.localhost", "acme-admin", "Acme-Admin-2026");
  const db = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await db.connect();
  try {
    await expect
      .poll(
        async () => (await db.query(`SELECT "publicKey" FROM "Tenant" WHERE slug = 'acme-health'`)).rows[0]?.publicKey,
        { timeout: 30_000 },
      )
      .toBeTruthy();
  } finally {
    await db.end();
    await page.close();
  }
}
