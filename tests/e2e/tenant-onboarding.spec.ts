/**
 * The story the foundation must carry: a platform admin creates a tenant with a domain and its
 * admin, who gets a welcome link (nobody but them ever knows their password) → that admin chooses a
 * password, signs in on the tenant's own domain, sees its brand and the organisation's recovery code
 * made in their browser → creates a user →
 * the user signs in (choosing their own password) and cannot reach Administration.
 */
import { expect, test } from "@playwright/test";
import { ADMIN, choosePasswordByLink, linkMailedTo, open, signIn, signOut, site } from "./helpers";

const DOMAIN = "northwind.localhost";

test("platform admin onboards a tenant whose people sign in on its own domain", async ({ page, browser }) => {
  await signIn(page, ADMIN.host, ADMIN.username, ADMIN.password);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();

  await page.getByRole("link", { name: "Organisations" }).click();
  await page.getByRole("button", { name: "New organisation" }).click();
  await page.getByLabel("Organisation name").fill("Northwind Clinics");
  await page.getByLabel("Domains").fill(DOMAIN);
  await page.getByLabel("Daily fax limit").fill("250");
  await page.getByLabel("Monthly fax limit").fill("5000");
  await page.getByLabel("Admin username").fill("nw-admin");
  await page.getByLabel("Admin email").fill("it@northwind.test");
  await expect(page.getByLabel("Admin password")).toHaveCount(0); // the platform admin never sets it
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(
    page.getByText(
      "Organisation Northwind Clinics created. A welcome link to choose a password is on its way to it@northwind.test.",
    ),
  ).toBeVisible();
  await expect(page.getByRole("cell", { name: "Northwind Clinics", exact: true })).toBeVisible();
  await signOut(page);

  // The tenant's own domain shows its brand before and after signing in.
  await open(page, `${site(DOMAIN)}/login`);
  await expect(page.getByTestId("brand-name")).toHaveText("Northwind Clinics");
  await expect(page).toHaveTitle(/Northwind Clinics Fax/);
  // Nothing signs in as the new admin until they have chosen a password by the mailed link.
  await signIn(page, DOMAIN, "nw-admin", "Northwind-Admin-1");
  await expect(page.getByText("Wrong username or password")).toBeVisible();
  const welcome = await linkMailedTo(browser, "it@northwind.test");
  expect(welcome).toContain(`${site(DOMAIN)}/reset-password?token=`);
  await choosePasswordByLink(page, welcome, "Harbour-Lights-Own-4");
  await signIn(page, DOMAIN, "nw-admin", "Harbour-Lights-Own-4");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  // Their browser made the organisation's key: its recovery code is shown to them, once.
  await expect(page.getByTestId("recovery-code")).toHaveText(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
  await page.getByRole("button", { name: "I have saved it" }).click();
  // The link was single-use.
  const again = await browser.newPage();
  await open(again, welcome);
  await again.getByLabel("New password", { exact: true }).fill("Another-Try-Pass-5");
  await again.getByLabel("Repeat new password").fill("Another-Try-Pass-5");
  await again.getByRole("button", { name: "Set new password" }).click();
  await expect(again.getByText(/invalid or has expired/)).toBeVisible();
  await again.close();
  await expect(page.getByTestId("brand-name")).toHaveText("Northwind Clinics");
  await expect(page.getByTestId("brand-footer")).toContainText("Northwind Clinics");
  await expect(page.getByRole("link", { name: "Organisations" })).toHaveCount(0); // platform-only

  // The tenant admin adds a user.
  await page.getByRole("link", { name: "Users" }).click();
  await page.getByRole("button", { name: "New user" }).click();
  await page.getByLabel("Email", { exact: true }).fill("nurse@northwind.test");
  await page.getByLabel("First name").fill("Nora");
  await page.getByLabel("Last name").fill("Nurse");
  await page.getByLabel("Password", { exact: true }).fill("Temporary-Pass-7");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("cell", { name: "nurse@northwind.test" }).first()).toBeVisible();
  await signOut(page);

  // The user signs in, must choose their own password first, and has no Administration.
  await signIn(page, DOMAIN, "nurse@northwind.test", "Temporary-Pass-7");
  await expect(page.getByText("Choose a new password before you continue.")).toBeVisible();
  await page.getByLabel("Current password").fill("Temporary-Pass-7");
  await page.getByLabel("New password", { exact: true }).fill("Blue-Harbor-Secret-8");
  await page.getByLabel("Repeat new password").fill("Blue-Harbor-Secret-8");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Send Fax" })).toBeVisible();
  await expect(nav.getByText("Administration")).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);

  await open(page, `${site(DOMAIN)}/admin/users`);
  await expect(page.getByText("You do not have access to this page.")).toBeVisible();
  await open(page, `${site(DOMAIN)}/admin/tenants`);
  await expect(page.getByText("You do not have access to this page.")).toBeVisible();

  // The tenant's session does not open the platform or another tenant.
  await open(page, `${site("acme.localhost")}/dashboard`);
  await expect(page.getByLabel("Username or email")).toBeVisible();
});
