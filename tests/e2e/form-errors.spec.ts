/**
 * A refusal is shown where the person is looking: beside the field it concerns, that field focused
 * and scrolled into view (here inside the tenant dialog, which scrolls), and gone once the field changes.
 */
import { randomBytes } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { ADMIN, open, signInPlatformAdmin, site } from "./helpers";
import { newOrganisation } from "./organisation";

/** A random tag for what a test names (it runs beside other specs, and twice, without meeting itself). */
const newTag = () => randomBytes(3).toString("hex");

async function openNewTenant(page: Page) {
  await page.setViewportSize({ width: 1280, height: 640 });
  await signInPlatformAdmin(page);
  await open(page, `${site(ADMIN.host)}/admin/tenants`);
  await page.getByRole("button", { name: "New organisation" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
}

async function fillTenant(page: Page, values: { name: string; domain: string; username: string }) {
  await page.getByLabel("Organisation name").fill(values.name);
  await page.getByLabel("Domains").fill(values.domain);
  await page.getByLabel("Admin username").fill(values.username);
  await page.getByLabel("Admin email").fill(`it@${values.domain}`);
}

/** The dialog is taller than the window, so its top and bottom are never in view together. */
async function expectDialogScrolls(page: Page) {
  const scrolls = await page.getByRole("dialog").evaluate((d) => d.scrollHeight > d.clientHeight);
  expect(scrolls, "the tenant dialog should scroll at this window size").toBe(true);
}

test("the server's refusal of a domain is shown beside it, focused, and clears when it changes", async ({ page }) => {
  const taken = (await newOrganisation("Taken Domain")).host;
  const tag = newTag();
  const contoso = { name: `Contoso Labs ${tag}`, domain: `contoso-${tag}.localhost`, username: `contoso-${tag}` };
  await openNewTenant(page);
  await fillTenant(page, contoso);
  await expectDialogScrolls(page);
  // Another organisation's address, sent before the live check could answer: the server refuses it.
  await page.getByLabel("Domains").fill(taken);
  await page.getByRole("button", { name: "Create organisation" }).click();

  const domains = page.getByLabel("Domains");
  // The server's words, or the live check's once it answers (it speaks for the field from then on).
  const refusal = new RegExp(`${taken.replaceAll(".", "\\.")} is (already used by|taken by) another organisation\\.`);
  const message = page.getByRole("dialog").getByRole("alert");
  await expect(domains).toBeFocused();
  await expect(domains).toHaveAttribute("aria-invalid", "true");
  await expect(domains).toHaveAccessibleDescription(refusal);
  await expect(message).toHaveCount(1); // only beside the field
  await expect(message).toHaveText(refusal);
  await expect(message).toBeInViewport();

  await domains.fill(contoso.domain);
  await expect(message).toHaveCount(0);
  await expect(domains).not.toHaveAttribute("aria-invalid", "true");

  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByText(`Organisation ${contoso.name} created.`)).toBeVisible();
});

test("a problem found before sending is brought into view from the bottom of the dialog", async ({ page }) => {
  await openNewTenant(page);
  const tag = newTag();
  await fillTenant(page, { name: "", domain: `fabrikam-${tag}.localhost`, username: `fab-admin-${tag}` });
  await expectDialogScrolls(page);
  await page.getByRole("button", { name: "Create organisation" }).click(); // scrolls the dialog to its bottom

  const name = page.getByLabel("Organisation name");
  await expect(name).toBeFocused();
  await expect(name).toBeInViewport();
  await expect(name).toHaveAccessibleDescription("Enter the organisation's name (at least 2 characters)");

  await name.fill("Fabrikam");
  await expect(page.getByText("Enter the organisation's name (at least 2 characters)")).toHaveCount(0);
  await expect(name).not.toHaveAttribute("aria-invalid", "true");
});

test("a refusal about no field on the form is shown above it and focused", async ({ page }) => {
  await open(page, `${site(ADMIN.host)}/reset-password?token=${"x".repeat(40)}`);
  await page.getByLabel("New password", { exact: true }).fill("Blue-Harbor-Secret-8");
  await page.getByLabel("Repeat new password").fill("Blue-Harbor-Secret-9");
  await page.getByRole("button", { name: "Set new password" }).click();
  const repeat = page.getByLabel("Repeat new password");
  await expect(repeat).toBeFocused();
  await expect(repeat).toHaveAccessibleDescription("The passwords do not match.");
  await repeat.fill("Blue-Harbor-Secret-8");
  await expect(page.getByText("The passwords do not match.")).toHaveCount(0);

  await page.getByRole("button", { name: "Set new password" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "This reset link is invalid or has expired." });
  await expect(refusal).toBeFocused();
  await expect(refusal).toBeInViewport();
});
