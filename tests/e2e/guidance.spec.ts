/**
 * First-run guidance and a dashboard about the person: a brand-new organisation admin gets a
 * checklist ticked from real data; a plain user sees their own fax numbers, not organisation
 * counters; sections not released yet are marked "Soon"; Settings has its own sub-navigation;
 * limited fields count characters near their limit.
 */
import { expect, type Page, test } from "@playwright/test";
import { acceptWelcome, saveRecoveryCode } from "./first-admin-steps";
import { linkMailedTo, open, signIn, signInPlatformAdmin, site } from "./helpers";

const ORG = { name: "Guidance Test Clinic", domain: "guidance.localhost" };
const ORG_ADMIN = { username: "gd-admin", password: "Harbour-Lights-42", email: "it@guidance.test" };

/** A tRPC mutation from a signed-in page, the way the portal's own pages send it. */
async function mutate(page: Page, path: string, input: unknown) {
  return page.evaluate(
    async ([p, i]) => {
      const res = await fetch(`/api/trpc/${p}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: i }),
      });
      return { status: res.status, body: await res.json() };
    },
    [path, input] as const,
  );
}

test("a brand-new organisation admin sees the first-run checklist, ticked from real data", async ({
  page,
  context,
}) => {
  // The platform admin creates the organisation (and removes it afterwards) in a page of its own.
  const platform = await context.newPage();
  await signInPlatformAdmin(platform);
  const created = await mutate(platform, "tenant.create", {
    name: ORG.name,
    domains: [ORG.domain],
    dailyFaxLimit: 100,
    monthlyFaxLimit: 1000,
    retentionMinDays: 1,
    retentionMaxDays: 8,
    admin: { username: ORG_ADMIN.username, email: ORG_ADMIN.email },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  const orgId: string = created.body.result.data.json.id;
  try {
    // The first admin chooses their password by the welcome link, is signed in, saves the recovery code.
    await acceptWelcome(page, await linkMailedTo(ORG_ADMIN.email, "welcome"), ORG_ADMIN.password);
    await saveRecoveryCode(page);

    const checklist = page.getByTestId("setup-checklist");
    await expect(checklist.getByRole("heading", { name: "Set up your organisation" })).toBeVisible();
    await expect(checklist).toContainText("0 of 3 done");
    const numbers = checklist.locator("[data-step=numbers]");
    await expect(numbers).toContainText("No fax numbers yet: your provider assigns them");
    await expect(numbers.getByRole("link")).toHaveCount(0); // not the admin's to do
    await expect(checklist.locator("[data-step=people]").getByRole("link", { name: "Add people" })).toHaveAttribute(
      "href",
      "/admin/users",
    );

    // A step links to where it is done; doing it ticks it.
    await checklist.getByRole("link", { name: "Choose how long" }).click();
    await expect(page).toHaveURL(/\/admin\/settings\/retention$/);
    await page.getByLabel("Retention (days)").fill("5");
    await page.getByRole("button", { name: "Save retention" }).click();
    await expect(page.getByText("Retention saved.")).toBeVisible();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
    await expect(checklist).toContainText("1 of 3 done");
    await expect(checklist.locator("[data-step=retention]")).toHaveAttribute("data-done", "true");

    // Hidden in this browser until shown again, also after a reload.
    await checklist.getByRole("button", { name: "Hide" }).click();
    await expect(checklist).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId("setup-hidden")).toContainText("2 steps left");
    await page.getByRole("button", { name: "Show the checklist" }).click();
    await expect(checklist).toBeVisible();
  } finally {
    const deleted = await mutate(platform, "tenant.delete", { id: orgId, confirmName: ORG.name });
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
  }
});

test("a plain user's dashboard is about them: their fax numbers, recent faxes, account", async ({ page }) => {
  await signIn(page, "acme.localhost", "acme-user", "Acme-User-2026");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  const mine = page.getByTestId("my-numbers");
  await expect(mine.getByRole("heading", { name: "Your fax numbers" })).toBeVisible();
  await expect(mine).toContainText("Acme front desk");
  await expect(mine).not.toContainText("Acme billing"); // the organisation's, not theirs
  await expect(page.getByTestId("recent-faxes")).toContainText("No faxes yet");
  await expect(page.getByTestId("password-age")).toContainText("Password changed");
  await expect(page.getByTestId("counters")).toHaveCount(0);
  await expect(page.getByText("Locked users")).toHaveCount(0);
  await expect(page.getByTestId("setup-checklist")).toHaveCount(0);
});

test("sections not released yet are marked Soon in the navigation and say so on their page", async ({ page }) => {
  await signIn(page, "acme.localhost", "acme-user", "Acme-User-2026");
  const nav = page.getByRole("navigation", { name: "Main" });
  // The badge is part of the name: what is seen is what is heard (WCAG 2.5.3 Label in Name).
  const received = nav.getByRole("link", { name: /^Received faxes Soon$/i });
  await expect(received).toBeVisible();
  await expect(received.getByText("Soon", { exact: true })).toBeVisible();
  for (const name of ["Campaigns", "Reports", "Contacts", "Groups"]) {
    await expect(nav.getByRole("link", { name: new RegExp(`^${name} Soon$`, "i") })).toBeVisible();
  }
  // Working sections carry no mark.
  for (const name of ["My fax numbers", "Dashboard", "Send fax", "Documents"]) {
    await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
  }

  await received.click();
  await expect(page.getByRole("heading", { name: "Received faxes" })).toBeVisible();
  await expect(page.getByTestId("coming-soon")).toContainText("Coming in a later release");
  await page.getByRole("link", { name: "Back to the dashboard" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
});

test.describe("settings", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "acme.localhost", "acme-admin", "Acme-Admin-2026");
  });

  test("Branding, Retention and Security policy share a sub-navigation; old addresses still work", async ({ page }) => {
    await open(page, `${site("acme.localhost")}/admin/branding`);
    await expect(page).toHaveURL(/\/admin\/settings\/branding$/);
    const sub = page.getByRole("navigation", { name: "Settings" });
    await expect(sub.getByRole("link")).toHaveText([
      "Branding",
      "Retention",
      "Time zone",
      "Country",
      "Security policy",
    ]);
    await expect(sub.getByRole("link", { name: "Branding" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByTestId("retention-bounds")).toHaveCount(0); // Retention has its own page now

    await sub.getByRole("link", { name: "Retention" }).click();
    await expect(page).toHaveURL(/\/admin\/settings\/retention$/);
    await expect(page.getByRole("heading", { name: "Retention", level: 1 })).toBeVisible();
    await expect(page.getByTestId("retention-bounds")).toContainText("Your provider allows");

    await open(page, `${site("acme.localhost")}/admin/security`);
    await expect(page).toHaveURL(/\/admin\/settings\/security$/);
    await expect(page.getByRole("heading", { name: "Security policy" })).toBeVisible();

    // Every settings page is also in the main navigation, so the page-discovering specs cover it.
    const main = page.getByRole("navigation", { name: "Main" });
    for (const href of await sub.getByRole("link").evaluateAll((as) => as.map((a) => a.getAttribute("href")))) {
      await expect(main.locator(`a[href="${href}"]`)).toHaveCount(1);
    }
  });

  test("on a phone the sub-navigation is on the page, without opening the menu", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, `${site("acme.localhost")}/admin/settings/security`);
    const sub = page.getByRole("navigation", { name: "Settings" });
    await expect(sub.getByRole("link", { name: "Retention" })).toBeVisible();
    await sub.getByRole("link", { name: "Branding" }).click();
    await expect(page).toHaveURL(/\/admin\/settings\/branding$/);
  });

  test("a limited field stops at its limit and counts characters near it", async ({ page }) => {
    await open(page, `${site("acme.localhost")}/admin/settings/branding`);
    const title = page.getByLabel("Domain title");
    await expect(title).toHaveAttribute("maxlength", "120");
    await title.fill("a".repeat(50));
    await expect(page.locator("#b-title-count")).toHaveText("");
    await title.fill("a".repeat(100));
    await expect(page.locator("#b-title-count")).toHaveText("100 of 120 characters");
    await title.pressSequentially("b".repeat(30));
    await expect(title).toHaveValue(`${"a".repeat(100)}${"b".repeat(20)}`);
    await expect(page.locator("#b-title-count")).toHaveText("120 of 120 characters (the limit)");
  });
});
