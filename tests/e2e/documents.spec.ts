/**
 * The document library through the real pages (issue 7): a plain user uploads a PDF that carries a
 * unique marker in its text and its name; it is encrypted in the browser, converted on the gateway
 * side, shown Ready with its page count, viewed (original beside the fax rendering), downloaded
 * byte for byte, renamed and deleted. Meanwhile neither marker is in any table or stored object —
 * plain, UTF-16, base64 or hex. A file that is not what its name claims ends Invalid with a reason.
 * Each test has an organisation of its own, its key made by its first admin.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { filesUnder, secretForms } from "../support/canary";
import { textPdf } from "../support/text-pdf";
import { documentRow, expectDocumentReadable, uploadDocument } from "./document-steps";
import { sql } from "./e2e-database";
import { signIn } from "./helpers";
import { newOrganisation } from "./organisation";

const OBJECTS = path.join(".data", "e2e", "objects");

/** A stored object's bytes; none if another spec's delete removed it since the listing. */
function readIfStillThere(file: string): Buffer[] {
  try {
    return [readFileSync(file)];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

test("a user's document is encrypted in the browser, converted, viewed, downloaded, renamed and deleted, and its text and name are stored nowhere", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const org = await newOrganisation("Canary Clinic", { keys: true });
  // Unique to this run and repeat, so no other upload can carry it.
  const MARKER = `CANARY${randomBytes(5).toString("hex").toUpperCase()}Q7`;
  const NAME = `Referral ${MARKER}N.pdf`;
  // Where this organisation's objects are stored (server/document/document-storage-keys.ts).
  const ORG_OBJECTS = path.join(OBJECTS, "documents", org.id);
  const file = textPdf(MARKER, 2);
  await signIn(page, org.host, org.user.username, org.user.password);
  await page.getByRole("link", { name: "Documents" }).first().click();
  await expect(page.getByRole("heading", { name: "Documents" })).toBeVisible();
  await uploadDocument(page, { name: NAME, buffer: file });

  const row = documentRow(page, NAME);
  await expect(row.getByText("Ready")).toBeVisible({ timeout: 90_000 });
  await expect(row.getByRole("cell", { name: "2", exact: true })).toBeVisible();

  // The canary: every table and every stored object, with the document converted.
  const tables = await sql<{ t: string }>("SELECT tablename::text AS t FROM pg_tables WHERE schemaname = 'public'");
  const dumps: Buffer[] = [];
  for (const { t } of tables) {
    const rows = await sql<{ r: string }>(`SELECT row_to_json(x)::text AS r FROM "${t}" x`);
    dumps.push(Buffer.from(rows.map((r) => r.r).join("\n")));
  }
  expect(filesUnder(ORG_OBJECTS).length).toBeGreaterThanOrEqual(8);
  const haystacks = [...dumps, ...filesUnder(OBJECTS).flatMap(readIfStillThere)];
  for (const secret of [MARKER, `${MARKER}N`]) {
    for (const needle of secretForms(secret)) for (const hay of haystacks) expect(hay.includes(needle)).toBe(false);
  }

  // View: the original and the fax rendering, decrypted here.
  await row.getByRole("button", { name: `View ${NAME}` }).click();
  const viewer = page.getByRole("dialog", { name: NAME });
  await expect(viewer.getByRole("region", { name: "Original: pages" }).locator("canvas").first()).toBeVisible({
    timeout: 30_000,
  });
  await expect(
    viewer
      .getByRole("region", { name: /As faxed: Fine.*: pages/ })
      .locator("canvas")
      .first(),
  ).toBeVisible();
  await page.keyboard.press("Escape");

  // Download: the same bytes that were chosen.
  await expectDocumentReadable(page, { name: NAME, buffer: file });

  // Rename, then delete: gone from the list and from storage.
  const renamed = `Renamed ${MARKER.slice(0, 6)}.pdf`;
  await row.getByRole("button", { name: `More actions for ${NAME}` }).click();
  await page.getByRole("menuitem", { name: "Rename" }).click();
  const renameDialog = page.getByRole("dialog", { name: "Rename document" });
  await renameDialog.getByLabel("Name").fill(renamed);
  await renameDialog.getByRole("button", { name: "Save name" }).click();
  const after = documentRow(page, renamed);
  await expect(after).toBeVisible();
  const before = filesUnder(ORG_OBJECTS).length;
  await after.getByRole("button", { name: `More actions for ${renamed}` }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await page.getByRole("button", { name: "Delete document" }).click();
  await expect(after).toBeHidden();
  // Counted in this organisation's folder: other specs store objects meanwhile.
  await expect.poll(() => filesUnder(ORG_OBJECTS).length).toBe(before - 8);
});

test("a file that is not what its name says ends Invalid with the reason", async ({ page }) => {
  test.setTimeout(120_000);
  const org = await newOrganisation("Invalid Clinic", { keys: true });
  const name = `not-really-${Date.now()}.pdf`;
  await signIn(page, org.host, org.user.username, org.user.password);
  await page.getByRole("link", { name: "Documents" }).first().click();
  await uploadDocument(page, { name, buffer: Buffer.from("Just words, not a PDF.\n") });
  const row = documentRow(page, name);
  await expect(row.getByText("Invalid")).toBeVisible({ timeout: 60_000 });
  await expect(row).toContainText(/named|plain text|PDF/);
  await row.getByRole("button", { name: `More actions for ${name}` }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await page.getByRole("button", { name: "Delete document" }).click();
  await expect(row).toBeHidden();
});
