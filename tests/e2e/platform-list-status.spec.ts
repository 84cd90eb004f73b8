/**
 * Issue 17: the platform's Sent faxes at 390 px clipped the Status column (the number and the
 * organisation took the width, Status ran past the list's box). Here an organisation with a long
 * name has three faxes (written straight into the database, each in the state under test); the
 * platform admin finds them with the search box, and every fax's status badge must lie whole
 * inside the part of the list the screen shows — no sideways scroll needed to read it — with its
 * words uncut, at 390 and 1280 px.
 */
import { randomBytes } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { insertFaxJob, sql } from "./e2e-database";
import { signInPlatformAdmin } from "./helpers";
import { newOrganisation } from "./organisation";

const TABLE = "Sent faxes of every organisation";

/** Three faxes of a new organisation, in the states that say the most; returns the name to search and the ids. */
async function organisationWithFaxes() {
  // Letters only, so the search matches the organisation's name and no fax number.
  const word = Array.from(randomBytes(6), (b) => String.fromCharCode(97 + (b % 26))).join("");
  const org = await newOrganisation(`Northwind Regional Hospital ${word}`);
  const now = Date.now();
  const ids: string[] = [];
  const fax = async (toNumber: string, minutesAgo: number, facts: Record<string, unknown>) => {
    ids.push(await insertFaxJob(org, toNumber, minutesAgo, facts));
  };
  await fax("+13125550481", 30, {
    status: "FAILED",
    failureReason: "NOT_A_FAX",
    attemptsMade: 2,
    completedAt: new Date(now - 25 * 60_000),
  });
  await fax("+13125550482", 20, {
    status: "QUEUED",
    callState: "RETRY_WAIT",
    failureReason: "BUSY",
    attemptsMade: 1,
    nextAttemptAt: new Date(now + 10 * 60_000),
  });
  await fax("+13125550483", 10, { status: "IN_PROGRESS", callState: "SENDING", currentPage: 2, attemptsMade: 1 });
  return { search: `Hospital ${word}`, ids };
}

/**
 * How much of the element the screen shows: its box cut by the window and by every ancestor that
 * clips or scrolls its content (the list's sideways-scrolling box among them).
 */
async function shownPart(locator: ReturnType<Page["locator"]>) {
  return locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    let left = Math.max(box.left, 0);
    let right = Math.min(box.right, window.innerWidth);
    for (let a = el.parentElement; a; a = a.parentElement) {
      if (getComputedStyle(a).overflowX === "visible") continue;
      const r = a.getBoundingClientRect();
      left = Math.max(left, r.left + a.clientLeft);
      right = Math.min(right, r.left + a.clientLeft + a.clientWidth);
    }
    return {
      text: (el.textContent ?? "").trim(),
      left: box.left,
      right: box.right,
      shownLeft: left,
      shownRight: right,
      wordsCut: el.scrollWidth > el.clientWidth + 1,
    };
  });
}

async function expectShownWhole(locator: ReturnType<Page["locator"]>, what: string) {
  const part = await shownPart(locator);
  const where = `${what} "${part.text}" spans ${part.left.toFixed(0)}–${part.right.toFixed(0)} px, shown ${part.shownLeft.toFixed(0)}–${part.shownRight.toFixed(0)} px`;
  expect(part.shownLeft, where).toBeLessThanOrEqual(part.left + 0.5);
  expect(part.shownRight, where).toBeGreaterThanOrEqual(part.right - 0.5);
  expect(part.wordsCut, `${what} "${part.text}" cuts its words`).toBe(false);
}

for (const width of [390, 1280]) {
  test(`the platform's Sent faxes at ${width} px shows each fax's Status whole, without scrolling sideways`, async ({
    page,
  }) => {
    const { search, ids } = await organisationWithFaxes();
    try {
      await page.setViewportSize({ width, height: 900 });
      await signInPlatformAdmin(page);
      if (width < 768) {
        await page.getByTestId("menu-button").click();
        await page.getByRole("dialog", { name: "Menu" }).getByRole("link", { name: "Sent faxes" }).click();
      } else {
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sent faxes" }).click();
      }
      const table = page.getByRole("table", { name: TABLE });
      await expect(table).toBeVisible();
      await page.getByRole("searchbox", { name: "Search" }).fill(search);
      const rows = table.locator("tbody tr").filter({ has: page.getByTestId("fax-status") });
      await expect(rows).toHaveCount(3);

      await expectShownWhole(table.getByRole("columnheader", { name: "Status" }), "The Status header");
      for (const badge of await rows.getByTestId("fax-status").all()) {
        await expectShownWhole(badge, "The status");
      }
    } finally {
      await sql(`DELETE FROM "FaxJob" WHERE id = ANY($1::uuid[])`, [ids]);
    }
  });
}
