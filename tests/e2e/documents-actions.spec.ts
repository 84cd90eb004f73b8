/**
 * Issue 17 on the Documents page: a file dragged onto the page goes through the same upload dialog
 * (encrypted here); "Send as fax" opens New fax with that document chosen; a renamed document
 * downloads with its type's extension; and the viewer fits pages to a phone's width. In an
 * organisation of its own, its key made by its first admin.
 */
import { expect, type Page, test } from "@playwright/test";
import { textPdf } from "../support/text-pdf";
import { documentRow } from "./document-steps";
import { signIn } from "./helpers";
import { newOrganisation } from "./organisation";

const NAME = `Dropped referral ${Date.now().toString(36)}.pdf`;
const RENAMED = `Quarterly report ${Date.now().toString(36)}`;

/** Drops a file on the element the way a desktop drag does (a DataTransfer holding a File). */
async function dropFile(page: Page, testId: string, name: string, buffer: Buffer) {
  const transfer = await page.evaluateHandle(
    ({ name, base64 }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name, { type: "application/pdf" }));
      return dt;
    },
    { name, base64: buffer.toString("base64") },
  );
  const target = page.getByTestId(testId);
  await target.dispatchEvent("dragenter", { dataTransfer: transfer });
  await target.dispatchEvent("dragover", { dataTransfer: transfer });
  await target.dispatchEvent("drop", { dataTransfer: transfer });
}

test("drop to upload, Send as fax, a renamed download keeps its type, and the viewer fits a phone", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const org = await newOrganisation("Dropping Clinic", { keys: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, org.host, org.user.username, org.user.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Documents" }).click();
  await expect(page.getByTestId("document-drop-zone")).toBeVisible();

  await dropFile(page, "documents-drop-area", NAME, textPdf("Dropped referral", 2));
  const dialog = page.getByRole("dialog", { name: "Upload a document" });
  await expect(dialog.getByLabel("Name")).toHaveValue(NAME);
  await dialog.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  const row = documentRow(page, NAME);
  await expect(row.getByText("Ready")).toBeVisible({ timeout: 90_000 });

  // Renamed without an extension, it still downloads as a PDF.
  await row.getByRole("button", { name: `More actions for ${NAME}` }).click();
  await page.getByRole("menuitem", { name: "Rename" }).click();
  const rename = page.getByRole("dialog", { name: "Rename document" });
  await rename.getByLabel("Name").fill(RENAMED);
  await rename.getByRole("button", { name: "Save name" }).click();
  const renamed = documentRow(page, RENAMED);
  await renamed.getByRole("button", { name: `More actions for ${RENAMED}` }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("menuitem", { name: "Download original" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${RENAMED}.pdf`);

  // The viewer on a phone: every page drawn within the screen's width.
  await page.setViewportSize({ width: 390, height: 844 });
  await renamed.getByRole("button", { name: `View ${RENAMED}` }).click();
  const viewer = page.getByRole("dialog", { name: RENAMED });
  await expect(viewer.locator("canvas").first()).toBeVisible({ timeout: 30_000 });
  await expect(viewer.locator("canvas")).toHaveCount(4); // 2 pages, original and as faxed
  for (const canvas of await viewer.locator("canvas").all()) {
    const box = (await canvas.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, "the page fits the phone's width").toBeLessThanOrEqual(390);
  }
  await viewer.getByRole("button", { name: "Close" }).click();
  await page.setViewportSize({ width: 1280, height: 900 });

  // Send as fax: New fax opens with this document chosen.
  await renamed.getByRole("button", { name: `More actions for ${RENAMED}` }).click();
  await page.getByRole("menuitem", { name: "Send as fax" }).click();
  await expect(page).toHaveURL(/\/send\/new\?document=[0-9a-f-]{36}$/);
  const chooser = page.getByLabel("Document", { exact: true });
  await expect(chooser.locator("option:checked")).toHaveText(new RegExp(`^${RENAMED}`), { timeout: 30_000 });
});
