/**
 * Finding every page a person can reach from what the portal shows them (the header and the side
 * navigation), so checks over "every page" cover new pages without a new case. Shared by the axe
 * and the viewport specs.
 */
import type { Page } from "@playwright/test";
import { ADMIN, open } from "./helpers";

export const ROLES = [
  { name: "platform admin", ...ADMIN },
  { name: "tenant admin", host: "acme.localhost", username: "acme-admin", password: "Acme-Admin-2026" },
  { name: "tenant user", host: "acme.localhost", username: "acme-user", password: "Acme-User-2026" },
];

/**
 * Same-site paths linked from `selector` (e.g. the navigation), without fragments or duplicates.
 * Links hidden by the layout (the sidebar on a phone) count too: they are in the page.
 */
export async function linkedPaths(page: Page, selector: string): Promise<string[]> {
  const hrefs = await page
    .locator(selector)
    .evaluateAll((links) =>
      links.map((a) => new URL((a as HTMLAnchorElement).href)).map((u) => ({ origin: u.origin, path: u.pathname })),
    );
  const origin = new URL(page.url()).origin;
  return [...new Set(hrefs.filter((h) => h.origin === origin).map((h) => h.path))];
}

/**
 * The signed-in pages: everything the header and the navigation link to. A section's own
 * sub-navigation (Settings → Branding, Retention, Security policy) repeats links that the main
 * navigation also carries, so its pages are found from any page (guidance.spec.ts checks that).
 */
export const signedInPaths = (page: Page) => linkedPaths(page, "header a[href], nav a[href]");

/** Pages a page's own header links to ("New fax" on Send fax): found while the pages are visited. */
export const pageActionPaths = (page: Page) => linkedPaths(page, "[data-page-actions] a[href]");

/** Adds the pages the current page's header links to, so the loop over `paths` visits them too. */
export async function discoverMore(page: Page, paths: string[]) {
  for (const more of await pageActionPaths(page)) if (!paths.includes(more)) paths.push(more);
}

/** Opens a page and waits until its lists have loaded, so a check sees what a person sees. */
export async function settle(page: Page, url: string) {
  await open(page, url);
  await page.waitForLoadState("networkidle");
}

/** The buttons in a page's header ("New user", "Bulk add"…), by their text. */
export const headerButtons = (page: Page) => page.locator("[data-page-actions]").getByRole("button");
