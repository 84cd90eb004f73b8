/**
 * Changing an organisation's address asks first (old → new, what happens to everyone's links),
 * keeps the old address working until the new one is proven, then takes the admin to the new
 * address. A platform admin's change in the organisation form asks too and applies at once. An
 * organisation of its own (and a new name under .localhost only it uses), so it runs beside any spec.
 */
import { expect, type Page, test } from "@playwright/test";
import { saveRecoveryCode } from "./first-admin-steps";
import { ADMIN, open, signIn, signInPlatformAdmin, site } from "./helpers";
import { newOrganisation } from "./organisation";

function refuseBrowserBoxes(page: Page) {
  page.on("dialog", (d) => {
    throw new Error(`the browser's own ${d.type()} box appeared: ${d.message()}`);
  });
}

/** The organisation's row, found by its name: the platform's list holds every spec's organisations. */
async function editOrganisation(page: Page, name: string) {
  await open(page, `${site(ADMIN.host)}/admin/tenants?search=${encodeURIComponent(name)}`);
  await page.getByRole("row").filter({ hasText: name }).getByRole("button", { name: "Edit" }).click();
}

test("a domain change asks first, keeps the old address until the new one is proven, then lands there", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000); // it makes its organisation first, then two admins sign in
  refuseBrowserBoxes(page);
  const org = await newOrganisation("Moving Co");
  const ORG = org.name;
  const OLD = org.host;
  const NEW = org.host.replace(/\.localhost$/, "-moved.localhost");
  await signIn(page, OLD, org.admin.username, org.admin.password);
  await saveRecoveryCode(page); // the first admin's first sign-in: the organisation's recovery code
  await open(page, `${site(OLD)}/admin/branding`);
  const domains = page.getByLabel("Domain name");
  await domains.fill(NEW);
  await page.getByRole("button", { name: "Save branding" }).click();

  // Asked first: old → new and what happens; Cancel changes nothing.
  const ask = page.getByRole("dialog", { name: "Change the portal's address?" });
  await expect(ask.getByTestId("domain-change")).toHaveText(`${OLD}→becomes${NEW}`);
  await expect(ask).toContainText(`Everyone's links change to ${NEW}. ${OLD} keeps working until ${NEW} is proven`);
  await ask.getByRole("button", { name: "Cancel" }).click();
  await expect(ask).toHaveCount(0);
  await expect(page.getByText("Branding saved.")).toHaveCount(0);

  await page.getByRole("button", { name: "Save branding" }).click();
  await ask.getByRole("button", { name: "Change address" }).click();
  await expect(page.getByText(`${OLD} keeps working until then.`)).toBeVisible();
  const status = page.getByRole("region", { name: "Domain status" });
  await expect(status.getByRole("listitem").filter({ hasText: NEW })).toContainText("Pending");
  await expect(status.getByRole("listitem").filter({ hasText: OLD })).toContainText("Being replaced");

  // Until the new address is proven the old one serves and the new one does not.
  const other = await browser.newPage();
  refuseBrowserBoxes(other);
  await open(other, `${site(NEW)}/login`);
  await expect(other.getByText("This address is not set up for any organisation.")).toBeVisible();
  await open(other, `${site(OLD)}/login`);
  await expect(other.getByTestId("brand-name")).toHaveText(ORG);

  // A platform admin approves the new address (as after checking with the customer)…
  await signInPlatformAdmin(other);
  await editOrganisation(other, ORG);
  await other.getByRole("button", { name: "Approve" }).click();
  await expect(other.getByText(`${NEW} is verified and now serves the portal.`)).toBeVisible();
  await other.keyboard.press("Escape");

  // …and the organisation admin's page notices and goes to the new address's sign-in page.
  await expect(page.getByText(`${NEW} is verified: the portal now lives there`)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("link", { name: "Go to new address" })).toHaveAttribute("href", `${site(NEW)}/login`);
  await page.waitForURL(`${site(NEW)}/login`);
  await expect(page.getByTestId("brand-name")).toHaveText(ORG);
  await open(page, `${site(OLD)}/login`);
  await expect(page.getByText("This address is not set up for any organisation.")).toBeVisible();

  // A platform admin's change (here back to the old address) is asked too, and applies at once.
  await editOrganisation(other, ORG);
  await other.getByLabel("Domains").fill(OLD);
  await other.getByRole("button", { name: "Save", exact: true }).click();
  const back = other.getByRole("dialog", { name: "Change the portal's address?" });
  await expect(back.getByTestId("domain-change")).toHaveText(`${NEW}→becomes${OLD}`);
  await expect(back).toContainText(`Everyone's links change at once: ${NEW} stops working`);
  await back.getByRole("button", { name: "Change address" }).click();
  await expect(other.getByText(`Organisation ${ORG} saved.`)).toBeVisible();
  await other.close();
  await open(page, `${site(OLD)}/login`);
  await expect(page.getByTestId("brand-name")).toHaveText(ORG);
});
