/**
 * The organisation's country (issue 8, New fax): an organisation admin sets it under Settings →
 * Country, and New fax reads numbers typed without +country in it, showing each number as it will
 * be dialled beside the field; set back to the United States, it reads them as US numbers again.
 */
import { expect, type Page, test } from "@playwright/test";
import { saveRecoveryCode } from "./first-admin-steps";
import { open, signIn, site } from "./helpers";
import { newOrganisation } from "./organisation";

async function setCountry(page: Page, country: string) {
  return page.evaluate(async (c) => {
    const res = await fetch("/api/trpc/tenant.setCountry", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: { country: c } }),
    });
    return res.status;
  }, country);
}

test("an organisation admin sets the country, and New fax reads national numbers in it", async ({ page }) => {
  // An organisation of its own (a new one is in the United States); its first admin's first sign-in
  // leads through the recovery code.
  const org = await newOrganisation("Country Clinic");
  await signIn(page, org.host, org.admin.username, org.admin.password);
  await saveRecoveryCode(page);
  await open(page, `${site(org.host)}/admin/settings/time-zone`);
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Country" }).click();
  await expect(page.getByRole("heading", { name: "Country" }).first()).toBeVisible();
  const field = page.getByLabel("Country");
  await expect(field).toHaveValue("US");
  await field.selectOption({ label: "United Kingdom (+44)" });
  await page.getByRole("button", { name: "Save country" }).click();
  await expect(page.getByText("Country saved. Numbers without +country are now read as United Kingdom.")).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Send fax" }).click();
  await page.getByRole("link", { name: "New fax" }).click();
  await expect(page.getByText("Numbers without +country are read as United Kingdom numbers.")).toBeVisible();
  await page.getByLabel("Fax numbers").fill("020 7946 0958\n(312) 555-0101\n+1 312 555 0101");
  const dialled = page.getByRole("list", { name: "Numbers as they will be dialled" }).getByRole("listitem");
  await expect(dialled).toHaveText([
    "020 7946 0958 → +44 20 7946 0958",
    "(312) 555-0101 → not a valid fax number",
    "+1 312 555 0101 → +1 312 555 0101",
  ]);

  expect(await setCountry(page, "US")).toBe(200);
  await page.reload();
  await page.locator("html[data-hydrated=true]").waitFor();
  await page.getByLabel("Fax numbers").fill("(312) 555-0101");
  await expect(page.getByRole("listitem").filter({ hasText: "(312) 555-0101 →" })).toHaveText(
    "(312) 555-0101 → +1 312 555 0101",
  );
});
