/**
 * A domain a tenant admin adds is pending until proven: it serves nothing (the tenant keeps its
 * verified one), the Branding page says how to prove it, and a platform admin can approve it.
 * An organisation of its own (and a new name under .localhost only it uses), so it runs beside any spec.
 */
import { expect, test } from "@playwright/test";
import { saveRecoveryCode } from "./first-admin-steps";
import { ADMIN, open, PORT, signIn, signOut, site } from "./helpers";
import { newOrganisation } from "./organisation";

test("a tenant admin's new domain waits for verification or a platform admin's approval", async ({ page }) => {
  test.setTimeout(120_000); // it makes its organisation first, then two admins sign in
  const org = await newOrganisation("Verify Co");
  const HOST = org.host;
  const NEW = `portal-${org.host}`;
  await signIn(page, HOST, org.admin.username, org.admin.password);
  await saveRecoveryCode(page); // the first admin's first sign-in: the organisation's recovery code
  await open(page, `${site(HOST)}/admin/branding`);
  const domains = page.getByLabel("Domain name");

  await domains.fill(`${HOST}, 127.0.0.2`);
  await page.getByRole("button", { name: "Save branding" }).click();
  await expect(page.getByText("Use a domain name, not an IP address")).toBeVisible();

  await domains.fill(`${NEW}, ${HOST}`);
  await page.getByRole("button", { name: "Save branding" }).click();
  await expect(page.getByText("Branding saved.")).toBeVisible();
  const status = page.getByRole("region", { name: "Domain status" });
  await expect(status.getByRole("listitem").filter({ hasText: NEW })).toContainText("Pending");
  await expect(status).toContainText(`_faxport.${NEW}`);
  await expect(status.getByRole("listitem").filter({ hasText: HOST }).first()).toContainText("Verified");
  await expect(status.getByRole("button", { name: "Approve" })).toHaveCount(0); // platform admins only
  // This server answers the pending domain's token on that name (what "Check now" looks for).
  const token = await page.request.get(`http://127.0.0.1:${PORT}/.well-known/faxport-domain-verification`, {
    headers: { Host: `${NEW}:${PORT}` },
  });
  expect(token.status()).toBe(200);
  expect(await token.text()).toMatch(/^[0-9a-f-]{36}$/);
  await expect(status).toContainText(`faxport-domain-verification=${await token.text()}`);
  await signOut(page);

  // Unproven, the new name serves nothing; the tenant's verified domain still does.
  await open(page, `${site(NEW)}/login`);
  await expect(page.getByText("This address is not set up for any organisation.")).toBeVisible();
  await open(page, `${site(HOST)}/login`);
  await expect(page.getByTestId("brand-name")).toHaveText(org.name);

  await signIn(page, ADMIN.host, ADMIN.username, ADMIN.password);
  await page.getByRole("link", { name: "Organisations" }).click();
  // The platform's list holds every spec's organisations: find this one by its new domain.
  await page.getByLabel("Search").fill(NEW);
  const row = page.getByRole("row").filter({ hasText: NEW });
  await expect(row).toContainText("Pending");
  await row.getByRole("button", { name: "Edit" }).click();
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText(`${NEW} is verified and now serves the portal.`)).toBeVisible();
  await page.keyboard.press("Escape"); // close the tenant dialog
  await expect(page.getByRole("row").filter({ hasText: NEW })).not.toContainText("Pending");
  await signOut(page);

  await open(page, `${site(NEW)}/login`);
  await expect(page.getByLabel("Username or email")).toBeVisible();
  const after = await page.request.get(`http://127.0.0.1:${PORT}/.well-known/faxport-domain-verification`, {
    headers: { Host: `${NEW}:${PORT}` },
  });
  expect(after.status()).toBe(404); // verified: no token to show any more
  await expect(page.getByTestId("brand-name")).toHaveText(org.name);

  // Back to only the first domain.
  await signIn(page, HOST, org.admin.username, org.admin.password);
  await open(page, `${site(HOST)}/admin/branding`);
  await page.getByLabel("Domain name").fill(HOST);
  await page.getByRole("button", { name: "Save branding" }).click();
  // Dropping a verified address asks first; the one kept still serves, so it applies at once.
  const ask = page.getByRole("dialog", { name: "Change the portal's address?" });
  await expect(ask).toContainText(`${NEW} stops working`);
  await ask.getByRole("button", { name: "Change address" }).click();
  await expect(page.getByText("Branding saved.")).toBeVisible();
});
