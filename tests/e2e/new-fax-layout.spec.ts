/**
 * Issue 17: the New fax form lines up at 1280 and 390 px. Fields side by side in one row (Attempts
 * and Minutes between attempts; the cover page's To and From) start their labels and their boxes
 * at the same height, even when only one of them has a hint under it (the hint made the other
 * field's box sit lower). On a phone the same fields stack and stay within the screen.
 */
import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./helpers";
import { newOrganisation } from "./organisation";

type FieldBox = { label: string; labelTop: number; controlTop: number; controlRight: number };

/**
 * Every labelled field of the form (a `<label for>` and its control), grouped in rows: fields in
 * one container whose boxes overlap from top to bottom stand side by side.
 */
async function fieldRows(page: Page): Promise<FieldBox[][]> {
  return page.locator("form", { has: page.locator("#fax-attempts") }).evaluate((form) => {
    const fields = Array.from(form.querySelectorAll<HTMLLabelElement>("label[for]")).flatMap((label) => {
      const control = document.getElementById(label.htmlFor);
      const field = label.parentElement;
      if (!control || !field || !label.offsetParent) return [];
      return [{ label, control, field, box: field.getBoundingClientRect() }];
    });
    const rows: (typeof fields)[] = [];
    for (const f of fields) {
      const row = rows.find((r) =>
        r.some(
          (o) =>
            o.field.parentElement === f.field.parentElement && o.box.top < f.box.bottom && f.box.top < o.box.bottom,
        ),
      );
      if (row) row.push(f);
      else rows.push([f]);
    }
    return rows.map((row) =>
      row.map((f) => ({
        label: f.label.textContent ?? "",
        labelTop: f.label.getBoundingClientRect().top,
        controlTop: f.control.getBoundingClientRect().top,
        controlRight: f.control.getBoundingClientRect().right,
      })),
    );
  });
}

const spread = (values: number[]) => Math.max(...values) - Math.min(...values);
const rowOf = (rows: FieldBox[][], label: string) => rows.find((r) => r.some((f) => f.label === label))!;

for (const width of [1280, 390]) {
  test(`New fax at ${width} px: fields in one row start their labels and boxes at the same height`, async ({
    page,
  }) => {
    const org = await newOrganisation("Fax Layout", { keys: true });
    await page.setViewportSize({ width, height: 900 });
    await signIn(page, org.host, org.user.username, org.user.password);
    // Through the links, as a person goes (a fresh load would lock the keys).
    if (width < 768) {
      await page.getByTestId("menu-button").click();
      await page.getByRole("dialog", { name: "Menu" }).getByRole("link", { name: "Send fax" }).click();
    } else {
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Send fax" }).click();
    }
    await page.getByRole("link", { name: "New fax", exact: true }).click();
    await expect(page.getByRole("heading", { name: "New fax" })).toBeVisible();
    await expect(page.getByText("How often to dial when busy or unanswered.")).toBeVisible();
    await page.getByLabel("Add a cover page").check();
    await expect(page.getByLabel("From", { exact: true })).toBeVisible();

    const rows = await fieldRows(page);
    const attempts = rowOf(rows, "Attempts");
    const to = rowOf(rows, "To");
    if (width >= 768) {
      // Side by side on a desktop: one hint under the first field only.
      expect(attempts.map((f) => f.label)).toEqual(["Attempts", "Minutes between attempts"]);
      expect(to.map((f) => f.label)).toEqual(["To", "From"]);
    } else {
      // Stacked on a phone, each field its own row, nothing wider than the screen.
      expect(attempts.map((f) => f.label)).toEqual(["Attempts"]);
      expect(to.map((f) => f.label)).toEqual(["To"]);
      for (const f of rows.flat())
        expect(f.controlRight, `${f.label} ends within the screen`).toBeLessThanOrEqual(width);
    }
    for (const row of rows) {
      const names = row.map((f) => f.label).join(" | ");
      const labelTops = row.map((f) => f.labelTop);
      const controlTops = row.map((f) => f.controlTop);
      expect(spread(labelTops), `label tops in the row ${names}: ${labelTops.join(", ")}`).toBeLessThanOrEqual(1);
      expect(spread(controlTops), `input tops in the row ${names}: ${controlTops.join(", ")}`).toBeLessThanOrEqual(1);
    }
  });
}
