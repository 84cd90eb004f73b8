/**
 * The platform admin's Jobs page against the real portal and its embedded runner. The daily sign-in
 * clean-up cron fires at 03:17 UTC — not during a test — so the spec writes the two runs it needs
 * straight into the e2e database, as the runner leaves them: one that failed at its step, one
 * asleep. Retry now then really runs that function in the portal's runner; Cancel ends the sleeper.
 * Other specs' faxes and documents add runs meanwhile, so the page is filtered to the clean-up's
 * runs and rows are found by their ids. The rows are deleted afterwards.
 */
import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { wcagResults } from "./axe";
import { sql } from "./e2e-database";
import { saveRecoveryCode } from "./first-admin-steps";
import { open, signIn, signInPlatformAdmin, site } from "./helpers";
import { newOrganisation } from "./organisation";

const FUNCTION_ID = "faxport-prune-auth-records";
const STEP = "delete-old-sign-in-records";
const CRON = "TZ=UTC 17 3 * * *";

/** axe's WCAG A/AA findings (the every-page walk sees this page only with no runs listed). */
const axe = async (page: Page) =>
  (await wcagResults(page)).flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} — ${n.target.join(" ")}`));

async function insertRun(id: string, run: { status: string; runAt: string; error?: object; errorStep?: string }) {
  const started = new Date(Date.now() - 60_000).toISOString();
  const event = { id: `e2e-jobs-${id}`, name: "inngest/scheduled.timer", data: { cron: CRON }, ts: Date.now() };
  await sql(
    `INSERT INTO "JobRun" (id, "functionId", kind, status, "eventId", event, attempt, "maxAttempts", "runAt",
       "startedAt", "endedAt", error, "errorStep", "createdAt", "updatedAt")
     VALUES ($1, $2, 'main', $3, $4, $5, 0, 4, $6::timestamp(3), $7::timestamp(3),
       CASE WHEN $3 = 'FAILED' THEN $7::timestamp(3) + interval '2 seconds' END, $8, $9, $7::timestamp(3), $7::timestamp(3))`,
    [
      id,
      FUNCTION_ID,
      run.status,
      event.id,
      JSON.stringify(event),
      run.runAt,
      started,
      run.error ? JSON.stringify(run.error) : null,
      run.errorStep ?? null,
    ],
  );
}

async function insertStep(
  runId: string,
  step: { name: string; op: string; done: boolean; error?: object; wakeAt?: string },
) {
  await sql(
    `INSERT INTO "JobStep" ("runId", "hashedId", name, op, done, error, "wakeAt", position, "startedAt", "createdAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7::timestamp(3), 1, now(), now())`,
    [
      runId,
      `e2e-${step.name}`,
      step.name,
      step.op,
      step.done,
      step.error ? JSON.stringify(step.error) : null,
      step.wakeAt ?? null,
    ],
  );
}

/** A failed run and a sleeping one of the clean-up function, as the runner leaves them. */
async function insertRuns(failedId: string, sleepingId: string) {
  const error = { name: "Error", message: "Database unreachable (e2e)" };
  await insertRun(failedId, { status: "FAILED", runAt: new Date().toISOString(), error, errorStep: STEP });
  await insertStep(failedId, { name: STEP, op: "StepRun", done: true, error });
  await insertRun(sleepingId, { status: "SLEEPING", runAt: "2099-01-01T00:00:00.000Z" });
  await insertStep(sleepingId, {
    name: "wait-for-tomorrow",
    op: "Sleep",
    done: false,
    wakeAt: "2099-01-01T00:00:00.000Z",
  });
}

test("the platform admin sees runs and their steps, retries a failed run and cancels a sleeping one", async ({
  page,
}) => {
  const failedId = randomUUID();
  const sleepingId = randomUUID();
  await insertRuns(failedId, sleepingId);
  try {
    await seeRetryAndCancel(page, failedId, sleepingId);
  } finally {
    await sql(`DELETE FROM "JobRun" WHERE id = ANY($1::uuid[])`, [[failedId, sleepingId]]);
  }
});

async function seeRetryAndCancel(page: Page, failedId: string, sleepingId: string) {
  await signInPlatformAdmin(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  await expect(page.getByRole("heading", { name: "Jobs" })).toBeVisible();
  // Newest first, 25 to a page: other specs' runs would push these two off it.
  await page.getByLabel("Function", { exact: true }).selectOption(FUNCTION_ID);

  const failedRow = page.locator(`tr[data-run-id="${failedId}"]`);
  const sleepingRow = page.locator(`tr[data-run-id="${sleepingId}"]`);
  await expect(failedRow).toContainText(FUNCTION_ID);
  await expect(failedRow).toContainText("Failed");
  await expect(failedRow).toContainText("Database unreachable (e2e)");
  await expect(sleepingRow).toContainText("Sleeping");
  // When it started, with the zone named (the platform's pages show UTC).
  await expect(failedRow.locator("time").first()).toContainText("UTC");
  expect(await axe(page)).toEqual([]);
  // The table fits: it would become a scrollable region named "Job runs" if it did not.
  const tableScrolls = page.getByRole("region", { name: "Job runs" });
  await expect(tableScrolls).toHaveCount(0);

  // With runs listed, a phone's width still needs no sideways scrolling, nor does a run's dialog.
  const overflow = () =>
    page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth - window.innerWidth);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await overflow()).toBeLessThanOrEqual(0);
  await expect(tableScrolls).toHaveCount(0);
  await sleepingRow.getByRole("button", { name: `Steps of run of ${FUNCTION_ID}` }).click();
  await expect(page.getByTestId("run-step")).toContainText("Sleeps until");
  const sheet = page.getByRole("dialog", { name: `Run of ${FUNCTION_ID}` });
  expect(await sheet.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  await page.getByRole("button", { name: "Done" }).click();
  await page.setViewportSize({ width: 1280, height: 800 });

  // The failed run's steps, then Retry now: the portal's runner runs the demo's clean-up for real.
  await failedRow.getByRole("button", { name: `Steps of run of ${FUNCTION_ID}` }).click();
  const dialog = page.getByRole("dialog", { name: `Run of ${FUNCTION_ID}` });
  await expect(dialog.getByTestId("run-state")).toHaveText("Failed");
  await expect(dialog.getByTestId("run-step")).toHaveCount(1);
  await expect(dialog.getByTestId("run-step").first()).toContainText(STEP);
  await expect(dialog.getByTestId("run-step").first()).toContainText("Failed");
  expect(await axe(page)).toEqual([]);
  await dialog.getByRole("button", { name: "Retry now" }).click();
  await expect(dialog.getByTestId("run-state")).toHaveText("Completed", { timeout: 20_000 });
  const step = dialog.getByTestId("run-step").first();
  await expect(step).toContainText(STEP);
  await expect(step).toContainText("Completed");
  await expect(step).toContainText("(not shown)"); // the step's result appears as its size only
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(failedRow).toContainText("Completed");

  // Cancel asks first, then the sleeping run ends as cancelled.
  await sleepingRow.getByRole("button", { name: /More actions for run of/ }).click();
  await page.getByRole("menuitem", { name: "Cancel run" }).click();
  const confirm = page.getByRole("dialog", { name: `Cancel this run of ${FUNCTION_ID}?` });
  await expect(confirm).toContainText("none of its remaining steps run");
  await confirm.getByRole("button", { name: "Cancel run" }).click();
  await expect(page.getByText("The run is cancelled.")).toBeVisible();
  await expect(sleepingRow).toContainText("Cancelled");
  await expect(sleepingRow.getByRole("button", { name: /More actions/ })).toHaveCount(0);
}

test("an organisation admin has no Jobs page", async ({ page }) => {
  const org = await newOrganisation("Harbour Clinic");
  await signIn(page, org.host, org.admin.username, org.admin.password);
  // Their first sign-in makes the organisation's recovery code; saved, the dashboard follows.
  await saveRecoveryCode(page);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" })).toHaveCount(0);
  await open(page, `${site(org.host)}/admin/jobs`);
  await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
});
