/**
 * The story the foundation must carry: a platform admin creates a tenant with a domain and its
 * admin, who gets a welcome link (nobody but them ever knows their password) → that admin chooses a
 * password, signs in on the tenant's own domain, sees its brand and the organisation's recovery code
 * made in their browser → creates a user →
 * the user signs in (choosing their own password) and cannot reach Administration. Issue 16: the
 * platform admin adds nobody to the organisation and sets no one's password there (it can re-send a
 * welcome only while the account has none); a second organisation admin waits for access until the
 * first grants it after comparing the safety code, and every organisation admin is mailed.
 */
import { expect, test } from "@playwright/test";
import { acceptWelcome, saveRecoveryCode } from "./first-admin-steps";
import { ADMIN, linkMailedTo, open, signIn, signInPlatformAdmin, signOut, site } from "./helpers";
import { grantWithSafetyCode } from "./organisation-key";

const DOMAIN = "northwind.localhost";

test("platform admin onboards a tenant whose people sign in on its own domain", async ({ page, browser }) => {
  test.setTimeout(180_000);
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
  // The list holds every spec's organisations, 20 a page: searched for this one, it is there.
  await open(page, `${site(ADMIN.host)}/admin/tenants?search=${encodeURIComponent("Northwind Clinics")}`);
  await expect(page.getByRole("cell", { name: "Northwind Clinics", exact: true })).toBeVisible();

  // On Users the platform admin adds only platform admins, and for the organisation's invited admin
  // can re-send the welcome but neither edit them nor set their password.
  await page.getByRole("link", { name: "Users" }).click();
  await page.getByRole("button", { name: "New platform admin" }).click();
  await expect(page.getByRole("dialog").getByLabel("Organisation", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("dialog").getByLabel("Organisation admin")).toHaveCount(0);
  await expect(page.getByRole("dialog")).toContainText("This adds a platform admin.");
  await page.keyboard.press("Escape");
  await page.getByLabel("Search").fill("nw-admin");
  await expect(page.getByText("1–1 of 1")).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit nw-admin" })).toHaveCount(0);
  await page.getByRole("button", { name: "More actions for nw-admin" }).click();
  await expect(page.getByRole("menuitem", { name: "Send welcome" })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "Change password" })).toHaveCount(0);
  await page.keyboard.press("Escape");
  // Someone who has a password gets no welcome link (it would reset their password).
  await page.getByLabel("Search").fill("acme-user");
  await expect(page.getByText("1–1 of 1")).toBeVisible();
  await page.getByRole("button", { name: "More actions for acme-user" }).click();
  await expect(page.getByRole("menuitem", { name: "Lock" })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "Send welcome" })).toHaveCount(0);
  await expect(page.getByRole("menuitem", { name: "Change password" })).toHaveCount(0);
  await page.keyboard.press("Escape");
  await signOut(page);

  // The tenant's own domain shows its brand before and after signing in.
  await open(page, `${site(DOMAIN)}/login`);
  await expect(page.getByTestId("brand-name")).toHaveText("Northwind Clinics");
  await expect(page).toHaveTitle(/Northwind Clinics Fax/);
  // Nothing signs in as the new admin until they have chosen a password by the mailed link.
  await signIn(page, DOMAIN, "nw-admin", "Northwind-Admin-1");
  await expect(page.getByText("Wrong username or password")).toBeVisible();
  const welcome = await linkMailedTo("it@northwind.test", "welcome");
  expect(welcome).toContain(`${site(DOMAIN)}/welcome?token=`);
  // Greeted by name and organisation, signed in at once; their browser makes the organisation's key
  // and shows its recovery code on a step of its own.
  await acceptWelcome(page, welcome, "Harbour-Lights-Own-4");
  await saveRecoveryCode(page);
  // The link was single-use.
  const again = await browser.newPage();
  await open(again, welcome);
  await expect(again.getByText(/This welcome link is invalid, used or expired/)).toBeVisible();
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

  // …and a second organisation admin, who waits for access until granted.
  await page.getByRole("button", { name: "New user" }).click();
  await page.getByLabel("Email", { exact: true }).fill("deputy@northwind.test");
  await page.getByLabel("Password", { exact: true }).fill("Quiet-Lantern-Typed-3");
  await page.getByLabel("Organisation admin").check();
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("cell", { name: "deputy@northwind.test" }).first()).toBeVisible();
  const deputy = await browser.newPage();
  await signIn(deputy, DOMAIN, "deputy@northwind.test", "Quiet-Lantern-Typed-3");
  await deputy.getByLabel("Current password").fill("Quiet-Lantern-Typed-3");
  await deputy.getByLabel("New password", { exact: true }).fill("Quiet-Lantern-Own-44");
  await deputy.getByLabel("Repeat new password").fill("Quiet-Lantern-Own-44");
  await deputy.getByRole("button", { name: "Change password" }).click();
  // The new password re-derives and re-seals the deputy's keys in their browser first: seconds on a busy machine.
  await expect(deputy.getByTestId("waiting-for-access")).toContainText("Waiting for access", { timeout: 30_000 });
  // The first admin compares the code over the phone and grants from their Users page.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users", exact: true }).click();
  const row = page.getByTestId("waiting-person").filter({ hasText: "deputy@northwind.test" });
  await expect(row.getByTestId("created-by")).toContainText("nw-admin");
  await expect(row.getByTestId("waiting-origin")).toContainText("New organisation admin");
  await grantWithSafetyCode(page, deputy, "deputy@northwind.test");
  // After a reload the dashboard asks for no password (it opens no documents); the notice is gone.
  await open(deputy, `${site(DOMAIN)}/dashboard`);
  await expect(deputy.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(deputy.getByTestId("waiting-for-access")).toHaveCount(0);
  await expect(deputy.getByTestId("unlock-documents")).toHaveCount(0);
  await deputy.close();
  await signOut(page);

  // Both organisation admins were told by mail of the new admin and of the grant.
  const outbox = await browser.newPage();
  await signInPlatformAdmin(outbox);
  await open(outbox, `${site(ADMIN.host)}/admin/outbox`);
  for (const subject of [
    /deputy@northwind\.test is now an organisation admin/,
    /deputy@northwind\.test was granted access/,
  ]) {
    const rows = outbox.getByRole("row").filter({ hasText: subject });
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: "it@northwind.test" })).toHaveCount(1);
  }
  await outbox.close();

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
