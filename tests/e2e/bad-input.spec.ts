/**
 * Bad input shows a clear message and changes nothing. Organisations of its own and platform
 * objects with a random tag in their names, so it runs beside any other spec: lists are checked
 * by those names, never by a platform-wide count.
 */
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { saveRecoveryCode } from "./first-admin-steps";
import { ADMIN, open, signIn, signInPlatformAdmin, site } from "./helpers";
import { newOrganisation } from "./organisation";

const newTag = () => randomBytes(3).toString("hex");

test.describe("platform admin", () => {
  test.beforeEach(async ({ page }) => {
    await signInPlatformAdmin(page);
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  });

  test("a domain another tenant uses is refused and no tenant is created", async ({ page }) => {
    const owner = await newOrganisation("Domain Owner");
    const copycat = `Copycat Health ${newTag()}`;
    await open(page, `${site(ADMIN.host)}/admin/tenants`);
    await page.getByRole("button", { name: "New organisation" }).click();
    await page.getByLabel("Organisation name").fill(copycat);
    await page.getByLabel("Domains").fill(owner.host);
    // The first admin is required (issue 16: after creation only the organisation adds its people).
    await page.getByLabel("Admin username").fill("copycat-admin");
    await page.getByLabel("Admin email").fill(`it@${copycat.replaceAll(" ", "-").toLowerCase()}.test`);
    await page.getByRole("button", { name: "Create organisation" }).click();
    // Refused beside the Domains field: by the live availability check if it answered before the
    // click, else by the server (its message is shown above the form and beside the field).
    await expect(
      page
        .getByRole("alert")
        .filter({ hasText: `${owner.host} is` })
        .filter({ hasText: /(already used by|taken by) another organisation\./ })
        .first(),
    ).toBeVisible();
    await page.keyboard.press("Escape");
    // Loaded afresh: no organisation of that name, and the domain still names only its owner.
    const tenants = (search: string) => `${site(ADMIN.host)}/admin/tenants?search=${encodeURIComponent(search)}`;
    await open(page, tenants(copycat));
    await expect(page.getByText("No organisations match these filters.")).toBeVisible();
    await open(page, tenants(owner.host));
    const holders = page.getByRole("row").filter({ hasText: owner.host });
    await expect(holders).toHaveCount(1);
    await expect(holders).toContainText(owner.name);
  });

  test("limits outside their bounds are explained under the field", async ({ page }) => {
    const tag = newTag();
    await open(page, `${site(ADMIN.host)}/admin/tenants`);
    await page.getByRole("button", { name: "New organisation" }).click();
    await page.getByLabel("Organisation name").fill(`Bounds Co ${tag}`);
    await page.getByLabel("Domains").fill(`bounds-${tag}.localhost`);
    await page.getByLabel("Maximum retention (days)").fill("8");
    await page.getByLabel("Organisation's retention (days)").fill("30");
    await page.getByLabel("Daily fax limit").fill("900");
    await page.getByLabel("Monthly fax limit").fill("100");
    await page.getByLabel("Admin username").fill("bounds-admin");
    await page.getByLabel("Admin email").fill(`it@bounds-${tag}.test`);
    await page.getByRole("button", { name: "Create organisation" }).click();
    await expect(page.getByText("Retention must be between 1 and 8 days")).toBeVisible();
    await expect(page.getByText("Daily limit cannot exceed the monthly limit")).toBeVisible();
    await page.keyboard.press("Escape");
    await page.getByLabel("Search").fill(`Bounds Co ${tag}`);
    await expect(page.getByText("No organisations match these filters.")).toBeVisible();
  });

  test("an invalid DID number is refused before anything is saved", async ({ page }) => {
    const title = `Broken line ${newTag()}`;
    await open(page, `${site(ADMIN.host)}/admin/dids`);
    await page.getByRole("button", { name: "Add fax number" }).click();
    await page.getByLabel("Number", { exact: true }).fill("12345");
    await page.getByLabel("Title").fill(title);
    await page.getByRole("button", { name: "Save fax number" }).click();
    await expect(page.getByText('"12345" is not a valid phone number')).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(page.getByRole("cell", { name: title })).toHaveCount(0);
  });
});

test("an oversized logo is refused; a good one shows on the tenant's sign-in page at once", async ({ page }) => {
  const [org, other] = await Promise.all([newOrganisation("Logo Health"), newOrganisation("Plain Corp")]);
  await signIn(page, org.host, org.admin.username, org.admin.password);
  await saveRecoveryCode(page); // the first admin's first sign-in: the organisation's recovery code
  await page.getByRole("link", { name: "Branding" }).click();

  const big = Buffer.alloc(300 * 1024, 0);
  Buffer.from("89504e470d0a1a0a", "hex").copy(big);
  await page.getByLabel("Logo").setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: big });
  await expect(page.getByText("The logo is larger than 256 KB")).toBeVisible();

  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#0a7"/></svg>';
  await page
    .getByLabel("Logo")
    .setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: Buffer.from(svg) });
  const footer = `${org.name} · Fax with care`;
  await page.getByLabel("Footer text").fill(footer);
  await page.getByRole("button", { name: "Save branding" }).click();
  await expect(page.getByRole("status").filter({ hasText: /saved/i })).toBeVisible();

  const login = await page.context().newPage();
  await open(login, `${site(org.host)}/login`);
  await expect(login.getByRole("img", { name: `${org.name} logo` })).toBeVisible();
  await expect(login.getByTestId("brand-footer")).toHaveText(footer);
  // Another tenant's domain keeps its own brand.
  await open(login, `${site(other.host)}/login`);
  await expect(login.getByTestId("brand-name")).toHaveText(other.name);
  await expect(login.getByRole("img", { name: /logo/ })).toHaveCount(0);
});
