/**
 * Lists as people use them: a column header sorts (and says so to screen readers), the column
 * chooser's choice survives a reload, phones show key columns with the rest one tap away, and an
 * empty list says what to do next — "nothing yet" apart from "no matches" with Clear filters.
 * The audit log reads as sentences whose links open the thing named.
 */
import { expect, type Page, test } from "@playwright/test";
import { acceptWelcome, saveRecoveryCode } from "./first-admin-steps";
import { ADMIN, linkMailedTo, open, signIn, signInPlatformAdmin, signOut, site } from "./helpers";

const usernames = (page: Page) =>
  page.getByRole("table", { name: "Users" }).locator("tbody tr td:first-child .font-medium").allTextContents();

test("a column header sorts the list both ways and says which way", async ({ page }) => {
  await signInPlatformAdmin(page);
  await open(page, `${site(ADMIN.host)}/admin/users`);
  const header = page.getByRole("columnheader", { name: "Username" });
  await expect(page.getByRole("cell", { name: "acme-admin", exact: true })).toBeVisible();
  await expect(header).not.toHaveAttribute("aria-sort");

  await header.getByRole("button").click();
  await expect(header).toHaveAttribute("aria-sort", "ascending");
  const up = await usernames(page);
  expect(up.length).toBeGreaterThan(2);
  expect(up).toEqual([...up].sort((a, b) => a.localeCompare(b, "en", { numeric: true })));

  // The keyboard works the same way.
  await header.getByRole("button").focus();
  await page.keyboard.press("Enter");
  await expect(header).toHaveAttribute("aria-sort", "descending");
  expect(await usernames(page)).toEqual([...up].reverse());
});

test("the column chooser hides a column, and the choice survives a reload", async ({ page }) => {
  await signInPlatformAdmin(page);
  await open(page, `${site(ADMIN.host)}/admin/users`);
  await expect(page.getByRole("columnheader", { name: "Email" })).toBeVisible();

  await page.getByRole("button", { name: "Columns" }).click();
  await page.getByRole("menuitemcheckbox", { name: "Email" }).click();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("columnheader", { name: "Email" })).toHaveCount(0);
  await expect(page.getByRole("cell", { name: "it@acme.example" })).toHaveCount(0);

  await page.reload();
  await page.locator("html[data-hydrated=true]").waitFor();
  await expect(page.getByRole("cell", { name: "acme-admin", exact: true })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Email" })).toHaveCount(0);

  await page.getByRole("button", { name: "Columns" }).click();
  await expect(page.getByRole("menuitemcheckbox", { name: "Email" })).toHaveAttribute("aria-checked", "false");
  await page.getByRole("menuitemcheckbox", { name: "Email" }).click();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("columnheader", { name: "Email" })).toBeVisible();
});

test("on a phone the key columns stay and the rest is one tap away", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInPlatformAdmin(page);
  await open(page, `${site(ADMIN.host)}/admin/users`);
  const email = page.getByText("it@acme.example");
  await expect(page.getByRole("button", { name: "Details for acme-admin" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Email" })).toBeHidden();
  await expect(email).toBeHidden();

  const details = page.getByRole("button", { name: "Details for acme-admin" });
  await details.click();
  await expect(page.locator("dl").getByText("it@acme.example")).toBeVisible();
  await expect(page.getByRole("button", { name: "Hide details for acme-admin" })).toHaveAttribute(
    "aria-expanded",
    "true",
  );
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
});

test("no matches offers Clear filters; a new organisation's empty Fax numbers page says what comes next", async ({
  page,
}) => {
  await signIn(page, ADMIN.host, ADMIN.username, ADMIN.password);
  await open(page, `${site(ADMIN.host)}/admin/users`);
  await page.getByLabel("Search").fill("nobody-by-this-name");
  await expect(page.getByText("No users match these filters.")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page.getByLabel("Search")).toHaveValue("");
  await expect(page.getByRole("cell", { name: "acme-admin", exact: true })).toBeVisible();

  // A brand-new organisation (removed again at the end, so the demo data stays as it was).
  await open(page, `${site(ADMIN.host)}/admin/tenants`);
  await page.getByRole("button", { name: "New organisation" }).click();
  await page.getByLabel("Organisation name").fill("Tailspin Toys");
  await page.getByLabel("Domains").fill("tailspin.localhost");
  const zone = page.getByRole("combobox", { name: "Time zone" });
  // Esc closes the zone list, not the dialog around it.
  await zone.fill("berl");
  await expect(page.getByRole("listbox", { name: "Time zones" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("listbox", { name: "Time zones" })).toBeHidden();
  await expect(page.getByRole("dialog")).toBeVisible();
  await zone.fill("berlin");
  await page.getByRole("option", { name: /^Europe\/Berlin/ }).click();
  await expect(zone).toHaveValue("Europe/Berlin");
  await page.getByLabel("Admin username").fill("ts-boss");
  await page.getByLabel("Admin email").fill("it@tailspin.test");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByText("Organisation Tailspin Toys created.")).toBeVisible();

  // The audit log says it in words, at the organisation's time, and links to the organisation.
  await open(page, `${site(ADMIN.host)}/admin/audit`);
  const entry = page.getByRole("row").filter({ hasText: "created organisation Tailspin Toys" }).first();
  await expect(entry).toBeVisible();
  await expect(entry).not.toContainText("tenant.create");
  await expect(entry).not.toContainText("{");
  await expect(entry.locator("time")).toContainText(/CET|GMT\+1/);
  await entry.getByRole("link", { name: "Tailspin Toys" }).click();
  await expect(page.getByRole("heading", { name: "Organisations" })).toBeVisible();
  await expect(page.getByLabel("Search")).toHaveValue("Tailspin Toys");
  await expect(page.getByRole("cell", { name: "Acme Health", exact: true })).toHaveCount(0);
  await expect(page.getByRole("cell", { name: "Tailspin Toys", exact: true })).toBeVisible();
  await signOut(page);

  await acceptWelcome(page, await linkMailedTo("it@tailspin.test", "welcome"), "Harbor-Lantern-47");
  await saveRecoveryCode(page);
  await open(page, `${site("tailspin.localhost")}/admin/dids`);
  await expect(page.getByRole("heading", { name: "Fax numbers" })).toBeVisible();
  await expect(page.getByText("No fax numbers yet: your provider assigns them.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Clear filters" })).toHaveCount(0);
  await page.getByLabel("Which numbers").selectOption("Mine");
  await expect(page.getByText("No fax numbers match these filters.")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page.getByText("No fax numbers yet: your provider assigns them.")).toBeVisible();
  // The old "My DIDs" address leads an organisation admin to the same page, filtered to theirs.
  await open(page, `${site("tailspin.localhost")}/my-dids`);
  await expect(page).toHaveURL(/\/admin\/dids\?mine=1$/);
  await expect(page.getByLabel("Which numbers")).toHaveValue("mine");
  // Its own audit log shows its own zone.
  await open(page, `${site("tailspin.localhost")}/admin/audit`);
  await expect(page.getByRole("row").filter({ hasText: "Tailspin" }).first().locator("time")).toContainText(
    /CET|CEST|GMT\+1|GMT\+2/,
  );
  await signOut(page);

  await signInPlatformAdmin(page);
  await open(page, `${site(ADMIN.host)}/admin/tenants?search=Tailspin`);
  await page.getByRole("button", { name: "More actions for Tailspin Toys" }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  const ask = page.getByRole("dialog", { name: "Delete Tailspin Toys?" });
  await ask.getByRole("textbox").fill("Tailspin Toys");
  await ask.getByRole("button", { name: /^Delete/ }).click();
  await expect(page.getByText("Organisation deleted.")).toBeVisible();
});
