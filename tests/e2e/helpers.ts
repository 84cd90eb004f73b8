import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { type BrowserContext, expect, type Page } from "@playwright/test";
import { sql } from "./e2e-database";

export const PORT = Number(process.env.E2E_PORT ?? 3100);
export const site = (host: string) => `http://${host}:${PORT}`;

/** Opens a page and waits until React has hydrated it (clicks before that would be lost). */
export async function open(page: Page, url: string) {
  await page.goto(url);
  await page.locator("html[data-hydrated=true]").waitFor();
}

/** Username first, then password — the portal's two-step sign-in. */
export async function signIn(page: Page, host: string, username: string, password: string) {
  await open(page, `${site(host)}/login`);
  await page.getByLabel("Username or email").fill(username);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Wait for the outcome (dashboard, forced password change, a new organisation's recovery-code
  // step, or a refusal) before moving on.
  await expect(
    page
      .getByRole("heading", { name: "Dashboard" })
      .or(page.getByText("Choose a new password before you continue."))
      .or(page.getByRole("heading", { name: /^Recovery code for / }))
      .or(page.locator("p[role=alert]")),
    // A first sign-in after start-up, on a busy machine, can take longer than the usual 10 s.
  ).toBeVisible({ timeout: 30_000 });
}

/** Where the setup project keeps the platform admin's session (the e2e data directory is new each run). */
const PLATFORM_ADMIN_SESSION = ".data/e2e/platform-admin-session.json";

/** Keeps this browser's session cookies for signInPlatformAdmin (demo-world.setup.ts calls it). */
export async function keepPlatformAdminSession(context: BrowserContext) {
  writeFileSync(PLATFORM_ADMIN_SESSION, JSON.stringify((await context.storageState()).cookies));
}

/**
 * The platform admin, signed in, on the dashboard. Most specs need them only to reach a page, so the
 * session the setup project signed in once is given to this browser (its cookies), saving a sign-in
 * per spec; when there is none or it has ended, they sign in here. A spec that signs the platform
 * admin out, or is about signing in, uses signIn: signing out ends the session every spec shares.
 */
export async function signInPlatformAdmin(page: Page) {
  if (existsSync(PLATFORM_ADMIN_SESSION)) {
    await page.context().addCookies(JSON.parse(readFileSync(PLATFORM_ADMIN_SESSION, "utf8")));
    await open(page, `${site(ADMIN.host)}/dashboard`);
    const dashboard = page.getByRole("heading", { name: "Dashboard" });
    await expect(dashboard.or(page.getByLabel("Username or email"))).toBeVisible();
    if (await dashboard.isVisible()) return;
  }
  await signIn(page, ADMIN.host, ADMIN.username, ADMIN.password);
}

/** The refusal shown under the password field. */
export const signInError = (page: Page) => page.locator("p[role=alert]");

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByLabel("Username or email")).toBeVisible();
}

export const ADMIN = { host: "localhost", username: "admin", password: "Faxport-Admin-2026" };

/**
 * The link of the newest welcome or password-reset mail to `to`, read where the embedded default
 * keeps mail (the outbox the platform admin reads; outbox pages have specs of their own), waiting
 * for it to be written.
 */
export async function linkMailedTo(to: string, kind: "welcome" | "reset-password"): Promise<string> {
  const link = new RegExp(`https?://[^\\s"<>]+/${kind}\\?token=[^\\s"<>]+`);
  let found: string | undefined;
  await expect
    .poll(
      async () => {
        const rows = await sql<{ text: string }>(
          `SELECT text FROM "MailMessage" WHERE "to" = $1 AND text LIKE $2 ORDER BY "createdAt" DESC LIMIT 1`,
          [to, `%/${kind}?token=%`],
        );
        found = rows[0]?.text.match(link)?.[0];
        return found;
      },
      { message: `a ${kind} mail to ${to}`, timeout: 30_000 },
    )
    .toBeTruthy();
  return found!;
}

/** Chooses a password on a welcome or reset link's page. */
export async function choosePasswordByLink(page: Page, href: string, password: string) {
  await open(page, href);
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("Repeat new password").fill(password);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("Your password was changed.")).toBeVisible();
}
