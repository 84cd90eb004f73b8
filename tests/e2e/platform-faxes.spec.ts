/**
 * Administration → Sent faxes (issue 8): a fax an organisation's user sends appears on the platform
 * admin's list with its metadata — organisation, destination, sender, status with its explanation,
 * attempts, trunk — and neither the title nor a way to open it; the fax's own page and its
 * document's stored parts refuse the platform admin. The organisation is the spec's own.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { textPdf } from "../support/text-pdf";
import { sql } from "./e2e-database";
import { ADMIN, open, signIn, signInPlatformAdmin, site } from "./helpers";
import { newOrganisation, type Organisation } from "./organisation";

const TITLE = `Private referral ${Date.now().toString(36)}`;
const TO = "+1 312 555 0486"; // the demo network's busy line

/** The organisation's user sends a one-page fax to the busy line, one attempt: it ends Failed — Busy. */
async function sendAsUser(page: Page, org: Organisation): Promise<{ faxId: string; documentId: string }> {
  await signIn(page, org.host, org.user.username, org.user.password);
  // Through the links, not a fresh load: the keys unlocked at sign-in live in this tab's memory only.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Send fax" }).click();
  await page.getByRole("link", { name: "New fax" }).click();
  // The form asks for the gateway's key as it opens; Upload before it arrives is refused as "not reachable".
  await expect(page.getByRole("heading", { name: "New fax" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Title").fill(TITLE);
  const name = `${TITLE}.pdf`;
  await page.getByRole("button", { name: "Upload a document" }).click();
  const dialog = page.getByRole("dialog", { name: "Upload a document" });
  await dialog.getByLabel("File").setInputFiles({ name, mimeType: "application/pdf", buffer: textPdf("Referral", 1) });
  await dialog.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  const chooser = page.getByLabel("Document", { exact: true });
  await expect(chooser.locator("option", { hasText: `${name} (1 page)` })).toBeEnabled({ timeout: 90_000 });
  await chooser.selectOption({ label: `${name} (1 page)` });
  await page.getByLabel("Fax numbers").fill(TO);
  await page.getByLabel("Attempts", { exact: true }).fill("1");
  await page.getByRole("button", { name: "Send fax" }).click();
  await expect(page).toHaveURL(/\/send\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("fax-status")).toHaveText("Failed — Busy", { timeout: 60_000 });
  const faxId = page.url().split("/").pop()!;
  const [row] = await sql<{ documentId: string }>(`SELECT "documentId" FROM "FaxJob" WHERE id = $1`, [faxId]);
  return { faxId, documentId: row!.documentId };
}

test("a platform admin sees an organisation's sent fax as metadata and cannot open it or its pages", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const org = await newOrganisation("Referrals", { keys: true });
  const sender = await browser.newPage();
  const { faxId, documentId } = await sendAsUser(sender, org);
  await sender.close();
  await signInPlatformAdmin(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sent faxes" }).click();
  await expect(page.getByRole("heading", { name: "Sent faxes" })).toBeVisible();
  const table = page.getByRole("table", { name: "Sent faxes of every organisation" });
  await page.getByLabel("Filter by organisation").selectOption({ label: org.name });
  await page.getByPlaceholder("Search number, organisation, sender").fill("312 555 0486");
  await page.getByPlaceholder("Search number, organisation, sender").press("Enter");
  const row = table.getByRole("row").filter({ hasText: org.user.username });
  await expect(row).toContainText("+1 312 555 0486");
  await expect(row).toContainText(org.name);
  await expect(row).toContainText("Failed — Busy");
  await expect(row).toContainText("The line was busy");
  await expect(row).toContainText("1 of 1"); // attempts
  // Nothing of the organisation's own words, and nothing to open.
  await expect(page.getByText(TITLE)).toHaveCount(0);
  await expect(row.getByRole("link")).toHaveCount(0);
  await expect(page.locator(`a[href*="${faxId}"], a[href*="${documentId}"]`)).toHaveCount(0);

  // With a row in it (the generated page checks see this list empty): axe, and a phone's width.
  const axe = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByText("Failed — Busy").first()).toBeVisible();
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    "sideways scroll at 390 px",
  ).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });

  // The fax's own page and its document's stored parts refuse the platform admin.
  await open(page, `${site(ADMIN.host)}/send/${faxId}`);
  await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
  await expect(page.getByText(TITLE)).toHaveCount(0);
  for (const part of ["original", "fax-fine.tif", "fax-fine.pdf", "view.pdf"]) {
    const res = await page.request.get(`${site(ADMIN.host)}/api/documents/${documentId}/${part}`);
    expect(res.status(), part).toBe(403);
    expect(await res.text()).toContain("platform admins cannot open them");
  }
});
