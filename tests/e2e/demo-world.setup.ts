/**
 * Runs before every other spec (playwright.config.ts): what the demo world's first sign-ins would
 * make — each demo organisation's key, made in its first admin's browser — is made once here, so no
 * two specs race to make it and none depends on which ran first. The platform admin signs in once
 * too, and specs that only need them signed in share that session (signInPlatformAdmin).
 */
import { expect, test } from "@playwright/test";
import { ADMIN, keepPlatformAdminSession, signIn } from "./helpers";
import { ensureOrganisationKey } from "./organisation-key";

test("the platform admin is signed in once for the specs that only need them signed in", async ({ page }) => {
  await signIn(page, ADMIN.host, ADMIN.username, ADMIN.password);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await keepPlatformAdminSession(page.context());
});

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
