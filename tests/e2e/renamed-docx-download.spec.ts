/**
 * Issue 17: "a renamed DOCX downloads as .txt". A real Word document (an OOXML zip that LibreOffice
 * converts) is uploaded, then renamed in the portal to a misleading extension ("….txt") and to none
 * at all. Download original must still save a .docx — the name people gave it with the extension of
 * what the file is — holding exactly the bytes uploaded, so the computer opens it with Word.
 */
import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { docx } from "../integration/convert/make-fixtures";
import { documentRow } from "./document-steps";
import { signIn } from "./helpers";
import { newOrganisation } from "./organisation";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

async function rename(page: Page, from: string, to: string) {
  await documentRow(page, from)
    .getByRole("button", { name: `More actions for ${from}` })
    .click();
  await page.getByRole("menuitem", { name: "Rename" }).click();
  const dialog = page.getByRole("dialog", { name: "Rename document" });
  await dialog.getByLabel("Name").fill(to);
  await dialog.getByRole("button", { name: "Save name" }).click();
  await expect(dialog).toBeHidden();
  await expect(documentRow(page, to)).toBeVisible();
}

async function downloadOriginal(page: Page, name: string) {
  await documentRow(page, name)
    .getByRole("button", { name: `More actions for ${name}` })
    .click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("menuitem", { name: "Download original" }).click(),
  ]);
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

test("a DOCX renamed to .txt or to no extension still downloads as the same .docx", async ({ page }) => {
  test.setTimeout(180_000);
  const org = await newOrganisation("Docx Download", { keys: true });
  const file = { name: "Referral letter.docx", buffer: docx("Referral for Mrs Example, cardiology") };
  expect(file.buffer.subarray(0, 2).toString(), "a zip, as every DOCX is").toBe("PK");

  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, org.host, org.user.username, org.user.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Documents" }).click();
  await page.getByRole("button", { name: "Upload document" }).click();
  const upload = page.getByRole("dialog", { name: "Upload a document" });
  await upload.getByLabel("File").setInputFiles({ name: file.name, mimeType: DOCX_TYPE, buffer: file.buffer });
  await expect(upload.getByLabel("Name")).toHaveValue(file.name);
  await upload.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(upload).toBeHidden({ timeout: 30_000 });
  // LibreOffice made fax pages of it: the portal took it for the Word document it is.
  await expect(documentRow(page, file.name).getByText("Ready")).toBeVisible({ timeout: 90_000 });

  // Renamed with a misleading extension: saved as .docx, that extension replaced.
  await rename(page, file.name, "Referral notes.txt");
  const misleading = await downloadOriginal(page, "Referral notes.txt");
  expect(misleading.name).toBe("Referral notes.docx");
  expect(Buffer.compare(misleading.bytes, file.buffer), "the bytes uploaded").toBe(0);

  // Renamed without an extension: .docx added.
  await rename(page, "Referral notes.txt", "Referral for cardiology");
  const bare = await downloadOriginal(page, "Referral for cardiology");
  expect(bare.name).toBe("Referral for cardiology.docx");
  expect(Buffer.compare(bare.bytes, file.buffer), "the bytes uploaded").toBe(0);
});
