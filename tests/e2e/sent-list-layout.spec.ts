/**
 * Issue 17: the sent lists at 1280 and 390 px and the one status vocabulary. A user of an organisation of its own has four
 * faxes (written straight into the database, so each sits in the state under test): two failed to
 * one number, one waiting to retry, one on its third page. At 1280 px each list fits its card with
 * Submitted and Details in view, the badge stays one line and a row stays short; at 390 px two
 * faxes to one number read apart and the platform's list (filtered to this organisation, as other
 * specs' faxes come and go in it) shows Status. The list, the dashboard and the fax page say the
 * same words.
 */
import { expect, type Page, test } from "@playwright/test";
import { insertFaxJob, sql } from "./e2e-database";
import { signIn, signInPlatformAdmin } from "./helpers";
import { newOrganisation, type Organisation } from "./organisation";

const SAME = "+13125550477";
const ids: string[] = [];
// An organisation of its own: its user's dashboard shows these faxes, not newer ones other specs sent.
let org: Organisation;

test.beforeAll(async () => {
  org = await newOrganisation("List Layout");
  const now = Date.now();
  const fax = async (minutesAgo: number, facts: Record<string, unknown>) => {
    ids.push(await insertFaxJob(org, SAME, minutesAgo, facts));
  };
  await fax(50, { status: "FAILED", failureReason: "NOT_A_FAX", attemptsMade: 2, completedAt: new Date() });
  await fax(40, { status: "FAILED", failureReason: "NOT_A_FAX", attemptsMade: 2, completedAt: new Date() });
  await fax(30, {
    status: "QUEUED",
    callState: "RETRY_WAIT",
    failureReason: "BUSY",
    attemptsMade: 1,
    nextAttemptAt: new Date(now + 10 * 60_000),
  });
  await fax(20, { status: "IN_PROGRESS", callState: "SENDING", currentPage: 3, attemptsMade: 0 });
});

test.afterAll(async () => {
  // Emptied too: under fullyParallel a worker may run this file's hooks again for its next test.
  await sql(`DELETE FROM "FaxJob" WHERE id = ANY($1::uuid[])`, [ids.splice(0)]);
});

/** Follows a navigation link, through the Menu on a phone (a fresh load would lock the keys). */
async function goTo(page: Page, name: string) {
  if (page.viewportSize()!.width < 768) {
    await page.getByTestId("menu-button").click();
    await page.getByRole("dialog", { name: "Menu" }).getByRole("link", { name }).click();
  } else {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name }).click();
  }
}

/** The table fits the box it scrolls in: nothing cut off at the right. */
async function expectFits(page: Page, tableName: string) {
  const table = page.getByRole("table", { name: tableName });
  const sizes = await table.evaluate((t) => ({
    table: t.scrollWidth,
    box: (t.parentElement as HTMLElement).clientWidth,
    page: document.documentElement.scrollWidth - window.innerWidth,
  }));
  expect(sizes.table, `${tableName} is wider than its box`).toBeLessThanOrEqual(sizes.box);
  expect(sizes.page, "sideways scroll of the page").toBeLessThanOrEqual(0);
}

/** Fully inside the window, left to right. */
async function expectInView(page: Page, locator: ReturnType<Page["locator"]>) {
  const box = await locator.boundingBox();
  const width = page.viewportSize()!.width;
  expect(box, "shown").not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(width);
}

test("Send fax at 1280 px: the list fits, the badge is one line, rows stay short, and the words are the fax page's", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, org.host, org.user.username, org.user.password);
  // The dashboard says it in the same words as the list.
  await expect(page.getByTestId("recent-faxes")).toContainText("Attempt 1 of 2 — sending page 3 of 3");
  await expect(page.getByTestId("recent-faxes")).toContainText(/Waiting to retry — next try \d/);
  await goTo(page, "Send fax");
  const table = page.getByRole("table", { name: "Sent faxes" });
  const sending = table.getByRole("row").filter({ hasText: "Sending page 3 of 3" });
  await expect(sending).toContainText("Attempt 1 of 2");
  await expect(sending.getByRole("cell").nth(3)).toHaveText("1 of 2"); // Attempts: the call on the line counts
  const retry = table.getByRole("row").filter({ hasText: "Waiting to retry" });
  await expect(retry).toContainText(/Next try \d{1,2}:\d\d/);
  await expectFits(page, "Sent faxes");
  await expectInView(page, table.getByRole("columnheader", { name: "Submitted" }));
  await expectInView(page, table.getByRole("link", { name: /^Details of the fax/ }).first());
  for (const badge of await table.getByTestId("fax-status").all()) {
    const box = (await badge.boundingBox())!;
    expect(box.width, "the badge is a pill, not a circle").toBeGreaterThan(box.height * 2);
    expect(box.height, "one line").toBeLessThan(30);
  }
  for (const row of await table.locator("tbody tr").all()) {
    expect((await row.boundingBox())!.height, "a row of at most a few lines").toBeLessThan(110);
  }
  // The fax page: the whole sentence, the attempt counted, the retry plan in words.
  await sending.getByRole("link", { name: /^Details of the fax/ }).click();
  await expect(page).toHaveURL(/\/send\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("fax-status")).toHaveText("Attempt 1 of 2 — sending page 3 of 3");
  await expect(page.getByText("1 retry, 5 minutes after")).toBeVisible();
  await expect(page.getByText("min apart")).toHaveCount(0);
});

test("Send fax at 390 px: two faxes to one number read apart, and the status shows", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, org.host, org.user.username, org.user.password);
  await goTo(page, "Send fax");
  const table = page.getByRole("table", { name: "Sent faxes" });
  const failed = table.getByRole("row").filter({ hasText: "Failed — Not a fax machine" });
  await expect(failed).toHaveCount(2);
  const facts = await failed.getByTestId("fax-row-facts").allInnerTexts();
  expect(facts[0]).not.toBe(facts[1]);
  await expectInView(page, failed.first().getByTestId("fax-status"));
  await expectFits(page, "Sent faxes");
});

for (const width of [1280, 390]) {
  test(`the platform's Sent faxes at ${width} px shows Status whole`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await signInPlatformAdmin(page);
    await goTo(page, "Sent faxes");
    // Only this organisation's faxes: every badge checked below is one of the four above.
    await page.getByLabel("Filter by organisation").selectOption({ label: org.name });
    const table = page.getByRole("table", { name: "Sent faxes of every organisation" });
    await expect(table.locator("tbody tr").filter({ hasText: org.name })).toHaveCount(ids.length);
    await expect(table.locator("tbody tr")).toHaveCount(ids.length);
    await expect(table.getByRole("row").filter({ hasText: "Sending page 3 of 3" })).toBeVisible();
    await expectInView(page, table.getByRole("columnheader", { name: "Status" }));
    for (const badge of await table.getByTestId("fax-status").all()) await expectInView(page, badge);
    await expectFits(page, "Sent faxes of every organisation");
    if (width >= 768) await expectInView(page, table.getByRole("columnheader", { name: "Submitted" }));
  });
}
