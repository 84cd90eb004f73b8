/**
 * Send fax through the real pages (issue 8): a user uploads a three-page document from the New fax
 * form, sees the exact fax pages and the estimate, sends it over the loopback trunk (a real T.30
 * session with spandsp) and watches it reach Delivered with 3 of 3 pages; resends it as a new fax;
 * a busy line shows its retry and final failure with the explanation; a fax to a line that rings
 * on is cancelled; over the daily limit and to a blocked number nothing is sent. The delivered fax's
 * transmission report is downloaded and read (pdftotext).
 *
 * Two groups of tests run side by side, each in order in one worker with an organisation of its
 * own, made once before its first test (a new organisation's first admin sign-in and recovery step
 * cost more than most tests here). A test that changes its organisation (the daily limit, a blocked
 * number, the user's result email) puts it back and meets no other test there.
 */
import { execFileSync } from "node:child_process";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { textPdf } from "../support/text-pdf";
import { sql } from "./e2e-database";
import { signIn } from "./helpers";
import { newOrganisation, type Organisation } from "./organisation";

let uploads = 0;
/** A document name of its own for each upload, so no test mistakes another's document for its own. */
const docName = () => `Lab results ${Date.now().toString(36)}-${++uploads}.pdf`;

/** Tests of the enclosing group in order, in one worker, with an organisation made before the first. */
function organisationOfGroup(name: string): () => Organisation {
  test.describe.configure({ mode: "default" });
  let org: Organisation | undefined;
  test.beforeAll(async () => {
    org = await newOrganisation(name, { keys: true });
  });
  return () => org!;
}

/** The organisation's user, signed in: their keys are unlocked in this tab (and only in it). */
const signInUser = (page: Page, org: Organisation) => signIn(page, org.host, org.user.username, org.user.password);

async function newFax(page: Page) {
  await page.getByRole("link", { name: "Send fax" }).first().click();
  await page.getByRole("link", { name: "New fax" }).click();
  await expect(page.getByRole("heading", { name: "New fax" })).toBeVisible();
}

/** The form with a three-page document uploaded from it, Ready and chosen. */
async function fill(page: Page, opts: { title: string; to: string; attempts?: string; minutes?: string }) {
  await page.getByLabel("Title").fill(opts.title);
  const name = docName();
  await page.getByRole("button", { name: "Upload a document" }).click();
  const dialog = page.getByRole("dialog", { name: "Upload a document" });
  await dialog
    .getByLabel("File")
    .setInputFiles({ name, mimeType: "application/pdf", buffer: textPdf("Lab results", 3) });
  await dialog.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  const chooser = page.getByLabel("Document", { exact: true });
  await expect(chooser.locator("option", { hasText: `${name} (3 pages)` })).toBeEnabled({ timeout: 90_000 });
  await chooser.selectOption({ label: `${name} (3 pages)` });
  await page.getByLabel("Fax numbers").fill(opts.to);
  if (opts.attempts) await page.getByLabel("Attempts", { exact: true }).fill(opts.attempts);
  if (opts.minutes) await page.getByLabel("Minutes between attempts").fill(opts.minutes);
}

test.describe("faxes that are delivered", () => {
  const org = organisationOfGroup("Okafor Clinic");

  test("a three-page fax goes out over the loopback trunk and is delivered; resend makes a new fax", async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await signInUser(page, org());
    await newFax(page);
    await fill(page, { title: "Results for Dr Okafor", to: "+1 312 555 0123" });

    // What will go out, before Send: the page count, the estimate and the fax pages themselves.
    await expect(page.getByTestId("fax-summary")).toContainText("3 pages");
    await expect(page.getByTestId("fax-summary")).toContainText(/about \d+ seconds on the line/);
    await page.getByRole("button", { name: "Show the fax pages" }).click();
    await expect(
      page
        .getByRole("region", { name: /Fax pages: Fine.*pages/ })
        .locator("canvas")
        .first(),
    ).toBeVisible({
      timeout: 30_000,
    });
    // Above each page, the header line the far end will print: date, organisation and page count, caller ID, page.
    const headers = page.getByTestId("fax-page-header");
    await expect(headers).toHaveCount(3);
    await expect(headers.nth(2)).toHaveText(
      new RegExp(
        `^\\d{1,2}-[A-Z][a-z]{2}-\\d{4} {2}\\d\\d:\\d\\d {4}${org().name} \\(3 pages\\) {4}\\+?\\d* {4}p\\.3$`,
      ),
    );

    await page.getByRole("button", { name: "Send fax" }).click();
    await expect(page).toHaveURL(/\/send\/[0-9a-f-]{36}$/);
    const first = page.url();
    // The title, stored only encrypted, is decrypted in this browser under the heading.
    await expect(page.getByText("Results for Dr Okafor")).toBeVisible();
    await expect(page.getByTestId("fax-status")).toHaveText("Delivered", { timeout: 90_000 });
    const attempt = page.getByRole("table", { name: "Attempts" }).getByRole("row").nth(1);
    await expect(attempt).toContainText("3 of 3");
    await expect(attempt).toContainText("14400 bit/s");
    // The fax's page is not in the navigation, so the generated checks cannot find it: checked here.
    const axe = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
      .analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

    // The transmission report: decrypted in this browser with the sender's key and saved as a PDF.
    const [report] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Transmission report" }).click(),
    ]);
    expect(report.suggestedFilename()).toMatch(/^fax-report-\d{4}-\d{2}-\d{2}-13125550123\.pdf$/);
    const reportText = execFileSync("pdftotext", [await report.path(), "-"], { encoding: "utf8" });
    expect(reportText).toContain("Pages sent: 3 of 3");
    expect(reportText).toContain("Result: Delivered");
    expect(reportText).toContain("Sender: ");

    // Resend to another number: a new fax of its own, which says where it came from.
    await page.getByRole("button", { name: "Resend" }).click();
    await page.getByRole("dialog", { name: "Resend this fax" }).getByLabel("Fax number").fill("+1 312 555 0124");
    await page.getByRole("dialog", { name: "Resend this fax" }).getByRole("button", { name: "Resend" }).click();
    await expect(page).not.toHaveURL(first);
    await expect(page.getByRole("heading", { name: /Fax to/ })).toContainText("555 0124");
    await expect(page.getByRole("link", { name: "the earlier fax" })).toBeVisible();
    await expect(page.getByText("Results for Dr Okafor")).toBeVisible(); // the same encrypted title
    await expect(page.getByTestId("fax-status")).toHaveText("Delivered", { timeout: 90_000 });

    // Both are in the list with their status.
    await page.getByRole("link", { name: "Send fax" }).first().click();
    await expect(page.getByRole("table", { name: "Sent faxes" })).toContainText("Results for Dr Okafor");

    // After a reload the tab holds no keys: the list says why titles are hidden and asks, inline.
    await page.reload();
    const unlock = page.getByTestId("unlock-documents");
    await expect(unlock).toContainText("Enter your password to see your faxes' titles");
    await expect(page.getByRole("table", { name: "Sent faxes" })).toContainText(
      "Title hidden until you enter your password",
    );
    await unlock.getByLabel("Your password").fill(org().user.password);
    await unlock.getByRole("button", { name: "Open documents" }).click();
    await expect(unlock).toHaveCount(0);
    await expect(page.getByRole("table", { name: "Sent faxes" })).toContainText("Results for Dr Okafor");
  });

  test("with “Email me the result: for every fax” saved, the delivered fax's email reaches the outbox", async ({
    page,
  }) => {
    // The portal here is started by npm start's own script (playwright.config.ts): the send job's
    // "email the result" step runs in that process, with the environment npm start gives it.
    test.setTimeout(180_000);
    await signInUser(page, org());
    await page.getByRole("link", { name: "Send fax" }).first().click();
    await page.getByLabel("Email me the result of my faxes").selectOption("ALWAYS");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    try {
      await page.getByRole("link", { name: "New fax" }).click();
      await fill(page, { title: "Mailed result", to: "+1 312 555 0127" });
      await page.getByRole("button", { name: "Send fax" }).click();
      await expect(page).toHaveURL(/\/send\/[0-9a-f-]{36}$/);
      const faxId = page.url().split("/").pop()!;
      await expect(page.getByTestId("fax-status")).toHaveText("Delivered", { timeout: 90_000 });
      const mailed = () =>
        sql<{ subject: string; status: string }>(
          `SELECT subject, status FROM "MailMessage" WHERE "to" = $1 AND subject LIKE 'Fax to % delivered'
          AND "createdAt" >= (SELECT "submittedAt" FROM "FaxJob" WHERE id = $2)`,
          [org().user.email, faxId],
        );
      await expect.poll(async () => (await mailed()).map((m) => m.status), { timeout: 60_000 }).toEqual(["sent"]);
      expect((await mailed())[0]!.subject).toBe("Fax to +1 312 555 0127 delivered");
    } finally {
      await sql(`UPDATE "User" SET "faxResultEmail" = 'NEVER' WHERE id = $1`, [org().user.id]);
    }
  });
});

test.describe("faxes that fail, are cancelled or are refused", () => {
  // Not "Send Fax" or the like: the brand's link would then answer to the "Send fax" link's name.
  const org = organisationOfGroup("Lagoon Clinic");

  test("a busy line is retried as asked and then fails with the reason", async ({ page }) => {
    test.setTimeout(240_000);
    await signInUser(page, org());
    await newFax(page);
    await fill(page, { title: "Busy line", to: "+1 312 555 0486", attempts: "2", minutes: "1" });
    await page.getByRole("button", { name: "Send fax" }).click();
    await expect(page.getByTestId("fax-status")).toContainText("Waiting to retry", { timeout: 60_000 });
    // The minute between attempts passes as a clock would make it pass: the job's stored wake-up time
    // (a durable sleep of the job runner) is moved to now, instead of the spec waiting a real minute.
    const jobId = new URL(page.url()).pathname.split("/").pop();
    await expect
      .poll(async () => {
        const woken = await sql(
          `UPDATE "JobStep" s SET "wakeAt" = now() AT TIME ZONE 'UTC' FROM "JobRun" r
          WHERE s."runId" = r.id AND NOT s.done AND s.op = 'Sleep' AND r.event->'data'->>'faxJobId' = $1
          RETURNING s."runId"`,
          [jobId],
        );
        await sql(`UPDATE "JobRun" SET "runAt" = now() AT TIME ZONE 'UTC' WHERE id = ANY($1::uuid[])`, [
          woken.map((w) => (w as { runId: string }).runId),
        ]);
        return woken.length;
      })
      .toBe(1);
    await expect(page.getByTestId("fax-status")).toHaveText("Failed — Busy", { timeout: 60_000 });
    const rows = page.getByRole("table", { name: "Attempts" }).getByRole("row");
    await expect(rows).toHaveCount(3); // header + two attempts
    await expect(rows.nth(2)).toContainText("Busy");
    await expect(page.getByText(/busy/i).first()).toBeVisible();
  });

  test("a fax to a line that keeps ringing is cancelled from its page", async ({ page }) => {
    test.setTimeout(120_000);
    await signInUser(page, org());
    await newFax(page);
    await fill(page, { title: "Nobody answers", to: "+1 312 555 0480" });
    await page.getByRole("button", { name: "Send fax" }).click();
    await expect(page).toHaveURL(/\/send\/[0-9a-f-]{36}$/);
    await page.getByRole("button", { name: "Cancel fax" }).click();
    await page.getByRole("dialog", { name: "Cancel this fax?" }).getByRole("button", { name: "Cancel fax" }).click();
    await expect(page.getByTestId("fax-status")).toHaveText("Cancelled", { timeout: 60_000 });
  });

  test("over the daily limit and to a blocked number nothing is sent, and the form says why", async ({ page }) => {
    test.setTimeout(180_000);
    const [tenant] = await sql<{ id: string; dailyFaxLimit: number }>(
      `SELECT id, "dailyFaxLimit" FROM "Tenant" WHERE id = $1`,
      [org().id],
    );
    const before = (
      await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "FaxJob" WHERE "tenantId" = $1`, [tenant!.id])
    )[0]!.n;
    await signInUser(page, org());
    await newFax(page);
    await fill(page, { title: "Blocked", to: "+1 312 555 0999" });
    await sql(`INSERT INTO "BlockedNumber" (id, "tenantId", number) VALUES (gen_random_uuid(), $1, '+13125550999')`, [
      tenant!.id,
    ]);
    try {
      await page.getByRole("button", { name: "Send fax" }).click();
      await expect(page.getByText(/Blocked/).first()).toBeVisible();
    } finally {
      await sql(`DELETE FROM "BlockedNumber" WHERE "tenantId" = $1 AND number = '+13125550999'`, [tenant!.id]);
    }
    // No fax left today: the smallest limit there is.
    await sql(`UPDATE "Tenant" SET "dailyFaxLimit" = 0 WHERE id = $1`, [tenant!.id]);
    try {
      await page.getByLabel("Fax numbers").fill("+1 312 555 0125");
      await page.getByRole("button", { name: "Send fax" }).click();
      await expect(page.getByText(/Limit reached/).first()).toBeVisible();
    } finally {
      await sql(`UPDATE "Tenant" SET "dailyFaxLimit" = $2 WHERE id = $1`, [tenant!.id, tenant!.dailyFaxLimit]);
    }
    expect(
      (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "FaxJob" WHERE "tenantId" = $1`, [tenant!.id]))[0]!.n,
    ).toBe(before);
  });
});
