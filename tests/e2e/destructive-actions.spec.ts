/**
 * Destructive actions ask in the portal's own dialog (never the browser's OK/Cancel box), say what
 * will be lost, and offer the gentler way: a tenant is deleted only after its name is typed, and
 * Suspend is offered instead. The organisation carries a random tag in its name and domain, and the
 * platform's list is searched for it, so the spec runs beside any other.
 */
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ADMIN, open, signInPlatformAdmin, site } from "./helpers";

test("deleting a tenant requires its name, says what goes with it and offers Suspend instead", async ({ page }) => {
  page.on("dialog", (d) => {
    throw new Error(`the browser's own ${d.type()} box appeared: ${d.message()}`);
  });
  const tag = randomBytes(3).toString("hex");
  const NAME = `Fabrikam Labs ${tag}`;
  await signInPlatformAdmin(page);
  // The list searched for this organisation's name: it holds every spec's organisations, 20 a page.
  await open(page, `${site(ADMIN.host)}/admin/tenants?search=${encodeURIComponent(NAME)}`);
  await page.getByRole("button", { name: "New organisation" }).click();
  await page.getByLabel("Organisation name").fill(NAME);
  await page.getByLabel("Domains").fill(`fabrikam-${tag}.test`);
  await page.getByLabel("Admin username").fill("fab-admin");
  await page.getByLabel("Admin email").fill(`it@fabrikam-${tag}.test`);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByText(`Organisation ${NAME} created.`)).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(NAME) });

  // First ask: counts from the list, the name to type, and Suspend as the way back.
  await row.getByRole("button", { name: `More actions for ${NAME}` }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  const ask = page.getByRole("dialog", { name: `Delete ${NAME}?` });
  await expect(ask).toContainText("1 user account");
  await expect(ask).toContainText("cannot be undone");
  const confirm = ask.getByRole("button", { name: "Delete organisation" });
  await expect(confirm).toBeDisabled();
  await ask.getByLabel(`Type ${NAME} to confirm`).fill("Fabrikam");
  await expect(confirm).toBeDisabled();
  await ask.getByRole("button", { name: "Suspend instead" }).click();
  await expect(ask).toHaveCount(0);
  await expect(page.getByText(`${NAME} is suspended`)).toBeVisible();
  await expect(row.getByText("Suspended").filter({ visible: true })).toBeVisible();

  // Cancel keeps it; the name typed before is not remembered.
  await row.getByRole("button", { name: `More actions for ${NAME}` }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await expect(ask.getByLabel(`Type ${NAME} to confirm`)).toHaveValue("");
  await expect(ask.getByRole("button", { name: "Suspend instead" })).toHaveCount(0);
  await ask.getByRole("button", { name: "Cancel" }).click();
  await expect(ask).toHaveCount(0);
  await expect(row.getByRole("button", { name: `More actions for ${NAME}` })).toBeFocused();
  await expect(row).toBeVisible();

  // Only the exact name deletes it.
  await row.getByRole("button", { name: `More actions for ${NAME}` }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await ask.getByLabel(`Type ${NAME} to confirm`).fill(NAME);
  await expect(confirm).toBeEnabled();
  await confirm.click();
  await expect(page.getByText("Organisation deleted.")).toBeVisible();
  await expect(row).toHaveCount(0);
});
