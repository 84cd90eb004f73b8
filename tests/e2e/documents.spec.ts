/**
 * The document library through the real pages (issue 7): a plain user uploads a PDF that carries a
 * unique marker in its text and its name; it is encrypted in the browser, converted on the gateway
 * side, shown Ready with its page count, viewed (original beside the fax rendering), downloaded
 * byte for byte, renamed and deleted. Meanwhile neither marker is in any table or stored object —
 * plain, UTF-16, base64 or hex. A file that is not what its name claims ends Invalid with a reason.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { filesUnder, secretForms } from "../support/canary";
import { textPdf } from "../support/text-pdf";
import { documentRow, expectDocumentReadable, uploadDocument } from "./document-steps";
import { signIn } from "./helpers";
import { E2E_DATABASE_URL, ensureAcmeOrganisationKey } from "./organisation-key";

const HOST = "acme.localhost";
const OBJECTS = path.join(".data", "e2e", "objects");
const MARKER = `CANARY${Date.now().toString(36).toUpperCase()}Q7`;
const NAME = `Referral ${MARKER}N.pdf`;

test.beforeAll(async ({ browser }) => ensureAcmeOrganisationKey(browser));

test("a user's document is encrypted in the browser, converted, viewed, downloaded, renamed and deleted, and its text and name are stored nowhere", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const file = textPdf(MARKER, 2);
  await signIn(page, HOST, "acme-user", "Acme-User-2026");
  await page.getByRole("link", { name: "Documents" }).first().click();
  await expect(page.getByRole("heading", { name: "Documents" })).toBeVisible();
  await uploadDocument(page, { name: NAME, buffer: file });

  const row = documentRow(page, NAME);
  await expect(row.getByText("Ready")).toBeVisible({ timeout: 90_000 });
  await expect(row.getByRole("cell", { name: "2", exact: true })).toBeVisible();

  // The canary: every table and every stored object, with the document converted.
  const db = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await db.connect();
  try {
    const tables = await db.query<{ t: string }>(
      "SELECT tablename::text AS t FROM pg_tables WHERE schemaname = 'public'",
    );
    const dumps: Buffer[] = [];
    for (const { t } of tables.rows) {
      const rows = await db.query<{ r: string }>(`SELECT row_to_json(x)::text AS r FROM "${t}" x`);
      dumps.push(Buffer.from(rows.rows.map((r) => r.r).join("\n")));
    }
    const files = filesUnder(OBJECTS);
    expect(files.length).toBeGreaterThanOrEqual(8);
    const haystacks = [...dumps, ...files.map((f) => readFileSync(f))];
    for (const secret of [MARKER, `${MARKER}N`]) {
      for (const needle of secretForms(secret)) for (const hay of haystacks) expect(hay.includes(needle)).toBe(false);
    }
  } finally {
    await db.end();
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
  const before = filesUnder(OBJECTS).length;
  await after.getByRole("button", { name: `More actions for ${renamed}` }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await page.getByRole("button", { name: "Delete document" }).click();
  await expect(after).toBeHidden();
  await expect.poll(() => filesUnder(OBJECTS).length).toBe(before - 8);
});

test("a file that is not what its name says ends Invalid with the reason", async ({ page }) => {
  test.setTimeout(120_000);
  const name = `not-really-${Date.now()}.pdf`;
  await signIn(page, HOST, "acme-user", "Acme-User-2026");
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
