/**
 * Every page of every role, on a phone (390×844) and a laptop (1280×800), found from what the person
 * can reach (the header and the side navigation, the links of the signed-out pages), so a new page
 * is checked without writing a case. On each page, and in each dialog its header's buttons open:
 *  - nothing scrolls sideways; the navigation can be reached (behind the Menu button on the phone);
 *  - each dialog lies fully inside the screen, with × and a visible Cancel that closes it and gives
 *    focus back to its button;
 *  - at the laptop width, axe-core's WCAG 2.x A/AA rules, experimental ones included (./axe.ts).
 * One walk per role does all of it: each page is loaded once, at the phone's width, checked, then
 * checked again at the laptop's after the window is widened (as a person turning a tablet would).
 *
 * With SCREENSHOTS=1 it also saves the main pages to docs/screenshots/ (role-page-width.png).
 */
import { expect, type Page, test } from "@playwright/test";
import { wcagViolations } from "./axe";
import { discoverMore, headerButtons, linkedPaths, ROLES, settle, signedInPaths } from "./discover-pages";
import { ADMIN, signIn, site } from "./helpers";

const SIZES = [
  { name: "phone", width: 390, height: 844, axe: false },
  { name: "laptop", width: 1280, height: 800, axe: true },
];
const SCREENSHOT_PAGES = [
  "/dashboard",
  "/admin/users",
  "/admin/tenants",
  "/admin/dids",
  "/my-dids",
  "/admin/audit",
  "/admin/settings/branding",
];

/** How far the page scrolls sideways, in CSS pixels (0 when it does not). */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return root.scrollWidth - window.innerWidth;
  });

/** Problems with the navigation on this page: on a phone, the Menu button must open it. */
async function navigationProblems(page: Page, phone: boolean, path: string): Promise<string[]> {
  const nav = page.getByRole("navigation", { name: "Main" });
  // A page outside the portal's frame (Change password) offers the way back instead.
  if ((await page.locator("nav[aria-label=Main]").count()) === 0) {
    const back = page.locator('a[href="/dashboard"]');
    return (await back.isVisible()) ? [] : [`${path}: neither navigation nor a way back to the dashboard`];
  }
  if (!phone) return (await nav.isVisible()) ? [] : [`${path}: the navigation is not visible`];
  const menu = page.getByRole("button", { name: "Menu" });
  if (!(await menu.isVisible())) return [`${path}: no visible Menu button`];
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  const problems: string[] = [];
  if (!(await nav.isVisible())) problems.push(`${path}: Menu did not show the navigation`);
  else if ((await nav.getByRole("link").count()) < 3) problems.push(`${path}: the opened navigation has no links`);
  // While the drawer is open the rest of the page is hidden from the accessibility tree.
  await expect(page.getByTestId("menu-button")).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Escape");
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();
  return problems;
}

/** Problems with each dialog the header's buttons open: axe, outside the screen, no Cancel, focus lost. */
async function dialogProblems(
  page: Page,
  path: string,
  axe: boolean,
): Promise<{ problems: string[]; dialogs: number }> {
  const problems: string[] = [];
  let dialogs = 0;
  const actions = headerButtons(page);
  for (const name of await actions.allInnerTexts()) {
    const button = actions.getByText(name, { exact: true });
    await button.click();
    const dialog = page.getByRole("dialog");
    const opened = await dialog.waitFor({ timeout: 3_000 }).then(
      () => true,
      () => false,
    );
    if (!opened) continue;
    dialogs++;
    const where = `${path} › “${name}”`;
    await page.waitForLoadState("networkidle");
    if (axe) problems.push(...(await wcagViolations(page, `${where} dialog`)));
    const box = await dialog.boundingBox();
    const view = page.viewportSize();
    if (!box || !view) problems.push(`${where}: the dialog has no box`);
    else if (box.x < 0 || box.y < 0 || box.x + box.width > view.width + 0.5 || box.y + box.height > view.height + 0.5)
      problems.push(
        `${where}: the dialog (${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}×${Math.round(box.height)}) is not inside the ${view.width}×${view.height} screen`,
      );
    if (!(await dialog.getByRole("button", { name: "Close", exact: true }).isVisible()))
      problems.push(`${where}: no × (Close) button`);
    const cancel = dialog.getByRole("button", { name: "Cancel", exact: true });
    if (await cancel.isVisible()) {
      await cancel.click();
    } else {
      problems.push(`${where}: no visible Cancel`);
      await page.keyboard.press("Escape");
    }
    await expect(dialog).toHaveCount(0);
    const refocused = await expect(button)
      .toBeFocused({ timeout: 2_000 })
      .then(
        () => true,
        () => false,
      );
    if (!refocused) problems.push(`${where}: focus did not return to the button`);
  }
  return { problems, dialogs };
}

/** Widens or narrows the window and lets the page's own listeners (menus, media queries) catch up. */
async function resize(page: Page, size: (typeof SIZES)[number]) {
  await page.setViewportSize({ width: size.width, height: size.height });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

const SIZE_NAMES = SIZES.map((size) => `${size.name} ${size.width}×${size.height}`).join(" and ");

for (const role of ROLES) {
  test(`every page a ${role.name} can reach fits a ${SIZE_NAMES}, passes axe (WCAG 2.x A/AA) and keeps navigation and dialogs in reach`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await resize(page, SIZES[0]!);
    await signIn(page, role.host, role.username, role.password);
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    const paths = await signedInPaths(page);
    expect(paths.length).toBeGreaterThan(3);
    const problems: string[] = [];
    let dialogs = 0;
    for (const path of paths) {
      await resize(page, SIZES[0]!);
      await settle(page, `${site(role.host)}${path}`);
      await discoverMore(page, paths);
      for (const [i, size] of SIZES.entries()) {
        if (i > 0) await resize(page, size); // loaded at the first width
        const where = `${path} at ${size.width} px`;
        const overflow = await sidewaysOverflow(page);
        if (overflow > 0) problems.push(`${where}: scrolls sideways by ${overflow} px`);
        if (process.env.SCREENSHOTS && SCREENSHOT_PAGES.includes(path)) {
          const file = `${role.name.replace(/ /g, "-")}${path.replace(/\//g, "-")}-${size.width}.png`;
          await page.screenshot({ path: `docs/screenshots/${file}` });
        }
        if (size.axe) problems.push(...(await wcagViolations(page, where)));
        problems.push(...(await navigationProblems(page, size.width < 768, where)));
        const inDialogs = await dialogProblems(page, where, size.axe);
        problems.push(...inDialogs.problems);
        dialogs += inDialogs.dialogs;
      }
    }
    console.log(`${role.name}: ${paths.length} pages and ${dialogs} dialogs checked at ${SIZE_NAMES}`);
    expect(problems, `problems:\n${problems.join("\n")}`).toEqual([]);
  });
}

test(`the signed-out pages fit a ${SIZE_NAMES} and pass axe (WCAG 2.x A/AA)`, async ({ page }) => {
  const problems: string[] = [];
  const check = async (where: string) => {
    for (const size of SIZES) {
      await resize(page, size);
      const overflow = await sidewaysOverflow(page);
      if (overflow > 0) problems.push(`${where} at ${size.width} px: scrolls sideways by ${overflow} px`);
      if (size.axe) problems.push(...(await wcagViolations(page, `${where} at ${size.width} px`)));
    }
    await resize(page, SIZES[0]!);
  };
  await resize(page, SIZES[0]!);
  for (const host of [ADMIN.host, "acme.localhost"]) {
    await settle(page, `${site(host)}/login`);
    const paths = ["/login", ...(await linkedPaths(page, "a[href]"))];
    for (const path of new Set(paths)) {
      await settle(page, `${site(host)}${path}`);
      await check(`${host}${path}`);
    }
    // The sign-in's second step (password) is a different form.
    await settle(page, `${site(host)}/login`);
    await page.getByLabel("Username or email").fill("someone");
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.getByLabel("Password", { exact: true })).toBeVisible();
    await check(`${host}/login (password step)`);
  }
  expect(problems, `problems:\n${problems.join("\n")}`).toEqual([]);
});
