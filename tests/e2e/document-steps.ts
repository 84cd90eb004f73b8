/** Steps on the Documents page shared by the specs that upload and open documents. */
import { readFileSync } from "node:fs";
import { expect, type Page } from "@playwright/test";

export const documentRow = (page: Page, name: string) => page.getByRole("row").filter({ hasText: name });

/** Uploads through the page's own dialog (encrypted in the browser) and waits until it closes. */
export async function uploadDocument(page: Page, file: { name: string; buffer: Buffer }) {
  await page.getByRole("button", { name: "Upload document" }).click();
  const dialog = page.getByRole("dialog", { name: "Upload a document" });
  await dialog.getByLabel("File").setInputFiles({ name: file.name, mimeType: "application/pdf", buffer: file.buffer });
  await expect(dialog.getByLabel("Name")).toHaveValue(file.name);
  await dialog.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
}

/**
 * The document's name decrypts in this browser and "Download original" gives back exactly the bytes
 * uploaded: the person's keys open its key.
 */
export async function expectDocumentReadable(page: Page, file: { name: string; buffer: Buffer }) {
  const row = documentRow(page, file.name);
  await expect(row.getByText("Ready")).toBeVisible({ timeout: 90_000 });
  await row.getByRole("button", { name: `More actions for ${file.name}` }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("menuitem", { name: "Download original" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(file.name);
  expect(Buffer.compare(readFileSync((await download.path())!), file.buffer)).toBe(0);
}
