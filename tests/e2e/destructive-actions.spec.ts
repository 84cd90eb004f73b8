/**
 * Destructive actions ask in the portal's own dialog (never the browser's OK/Cancel box), say what
 * will be lost, and offer the gentler way: a tenant is deleted only after its name is typed, and
 * Suspend is offered instead.
 */
import { expect, test } from "@playwright/test";
import { ADMIN, open, signIn, site } from "./helpers";

test("deleting a tenant requires its name, says what goes with it and offers Suspend instead", async ({ page }) => {
  page.on("dialog", (d) => {
    throw new Error(`the browser's own ${d.type()} box appeared: ${d.message()}`);
  });
  await signIn(page, ADMIN.host, ADMIN.username, ADMIN.password);
  await open(page, `${site(ADMIN.host)}/admin/tenants`);
  await page.getByRole("button", { name: "New organisation" }).click();
  await page.getByLabel("Organisation name").fill("Fabrikam Labs");
  await page.getByLabel("Domains").fill("fabrikam.test");
  await page.getByLabel("Admin username").fill("fab-admin");
  await page.getByLabel("Admin email").fill("it@fabrikam.test");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByText("Organisation Fabrikam Labs created.")).toBeVisible();
  const row = page.getByRole("row", { name: /Fabrikam Labs/ });

  // First ask: counts from the list, the name to type, and Suspend as the way back.
  await row.getByRole("button", { name: "More actions for Fabrikam Labs" }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  const ask = page.getByRole("dialog", { name: "Delete Fabrikam Labs?" });
  await expect(ask).toContainText("1 user account");
  await expect(ask).toContainText("cannot be undone");
  const confirm = ask.getByRole("button", { name: "Delete organisation" });
  await expect(confirm).toBeDisabled();
  await ask.getByLabel("Type Fabrikam Labs to confirm").fill("Fabrikam");
  await expect(confirm).toBeDisabled();
  await ask.getByRole("button", { name: "Suspend instead" }).click();
  await expect(ask).toHaveCount(0);
  await expect(page.getByText("Fabrikam Labs is suspended")).toBeVisible();
  await expect(row.getByText("Suspended").filter({ visible: true })).toBeVisible();

  // Cancel keeps it; the name typed before is not remembered.
  await row.getByRole("button", { name: "More actions for Fabrikam Labs" }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await expect(ask.getByLabel("Type Fabrikam Labs to confirm")).toHaveValue("");
  await expect(ask.getByRole("button", { name: "Suspend instead" })).toHaveCount(0);
  await ask.getByRole("button", { name: "Cancel" }).click();
  await expect(ask).toHaveCount(0);
  await expect(row.getByRole("button", { name: "More actions for Fabrikam Labs" })).toBeFocused();
  await expect(row).toBeVisible();

  // Only the exact name deletes it.
  await row.getByRole("button", { name: "More actions for Fabrikam Labs" }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await ask.getByLabel("Type Fabrikam Labs to confirm").fill("Fabrikam Labs");
  await expect(confirm).toBeEnabled();
  await confirm.click();
  await expect(page.getByText("Organisation deleted.")).toBeVisible();
  await expect(row).toHaveCount(0);
});
