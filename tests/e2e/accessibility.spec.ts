/**
 * Every page of every role passes axe-core's WCAG 2.x A/AA rules, experimental ones included
 * (./axe.ts). Pages are discovered from what the person can reach (the header and the side
 * navigation, the links on the signed-out pages), so a new page is checked without writing a case;
 * the dialogs its header's buttons open are checked too.
 */
import { expect, type Page, test } from "@playwright/test";
import { wcagViolations as violations } from "./axe";
import { discoverMore, headerButtons, linkedPaths, ROLES, settle, signedInPaths } from "./discover-pages";
import { ADMIN, signIn, site } from "./helpers";

/** Checks each dialog the page header's buttons ("New tenant", "Bulk add"…) open, then closes it again. */
async function dialogViolations(page: Page, path: string): Promise<{ found: string[]; dialogs: number }> {
  const found: string[] = [];
  let dialogs = 0;
  const actions = headerButtons(page);
  for (const name of await actions.allInnerTexts()) {
    await actions.getByText(name, { exact: true }).click();
    const dialog = page.getByRole("dialog");
    const opened = await dialog.waitFor({ timeout: 3_000 }).then(
      () => true,
      () => false,
    );
    if (!opened) continue;
    dialogs++;
    await page.waitForLoadState("networkidle");
    found.push(...(await violations(page, `${path} › “${name}” dialog`)));
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
  }
  return { found, dialogs };
}

for (const role of ROLES) {
  test(`every page a ${role.name} can reach passes axe (WCAG 2.x A/AA)`, async ({ page }) => {
    test.setTimeout(300_000);
    await signIn(page, role.host, role.username, role.password);
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    const paths = await signedInPaths(page);
    expect(paths.length).toBeGreaterThan(3);
    const found: string[] = [];
    let dialogs = 0;
    for (const path of paths) {
      await settle(page, `${site(role.host)}${path}`);
      await discoverMore(page, paths);
      found.push(...(await violations(page, path)));
      const inDialogs = await dialogViolations(page, path);
      found.push(...inDialogs.found);
      dialogs += inDialogs.dialogs;
    }
    console.log(`${role.name}: ${paths.length} pages and ${dialogs} dialogs checked`);
    expect(found, `axe found problems:\n${found.join("\n")}`).toEqual([]);
  });
}

test("the signed-out pages pass axe (WCAG 2.x A/AA)", async ({ page }) => {
  const found: string[] = [];
  for (const host of [ADMIN.host, "acme.localhost"]) {
    await settle(page, `${site(host)}/login`);
    const paths = ["/login", ...(await linkedPaths(page, "a[href]"))];
    for (const path of new Set(paths)) {
      await settle(page, `${site(host)}${path}`);
      found.push(...(await violations(page, `${host}${path}`)));
    }
    // The sign-in's second step (password) is a different form.
    await settle(page, `${site(host)}/login`);
    await page.getByLabel("Username or email").fill("someone");
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.getByLabel("Password", { exact: true })).toBeVisible();
    found.push(...(await violations(page, `${host}/login (password step)`)));
  }
  expect(found, `axe found problems:\n${found.join("\n")}`).toEqual([]);
});
