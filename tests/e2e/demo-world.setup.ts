/**
 * Runs before every other spec (playwright.config.ts): what the demo world's first sign-ins would
 * make — each demo organisation's key, made in its first admin's browser — is made once here, so no
 * two specs race to make it and none depends on which ran first.
 */
import { test } from "@playwright/test";
import { ensureOrganisationKey } from "./organisation-key";

test("the demo organisations have their keys", async ({ browser }) => {
  await ensureOrganisationKey(browser, {
    host: "acme.localhost",
    slug: "acme-health",
    username: "acme-admin",
    password: "Acme-Admin-2026",
  });
  await ensureOrganisationKey(browser, {
    host: "globex.localhost",
    slug: "globex",
    username: "globex-admin",
    password: "Globex-Admin-2026",
  });
});
