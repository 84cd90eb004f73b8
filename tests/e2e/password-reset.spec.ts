/** Forgot password → the email lands in the outbox the platform admin can read → the link works. */
import { expect, type Page, test } from "@playwright/test";
import { ADMIN, open, signIn, signOut, site } from "./helpers";

const PERSON = { email: "forgetful@acme.example", password: "First-Orchard-Key-3" };

/** A user of its own, made by Acme's admin: the demo logins other specs rely on stay as they are. */
async function addAcmeUser(page: Page) {
  await signIn(page, "acme.localhost", "acme-admin", "Acme-Admin-2026");
  const created = await page.evaluate(
    async ({ base, person }) => {
      const me = await (await fetch(`${base}/api/trpc/auth.me`)).json();
      const res = await fetch(`${base}/api/trpc/user.create`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          json: {
            tenantId: me.result.data.json.tenantId,
            email: person.email,
            useEmailAsUsername: true,
            firstName: "Fran",
            lastName: "Getful",
            roles: { user: true, tenant: false, admin: false },
            permissions: [],
            password: person.password,
            mustChangePassword: false,
          },
        }),
      });
      return { status: res.status, body: await res.text() };
    },
    { base: site("acme.localhost"), person: PERSON },
  );
  expect(created.status, created.body).toBe(200);
  await signOut(page);
}

test("a user resets a forgotten password through the emailed link", async ({ page, browser }) => {
  await addAcmeUser(page);
  await open(page, `${site("acme.localhost")}/login`);
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("button", { name: "Send reset link" })).toBeVisible();
  await page.getByLabel("Username or email").fill(PERSON.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText("If an account matches, we sent a link")).toBeVisible();

  const admin = await browser.newPage();
  await signIn(admin, ADMIN.host, ADMIN.username, ADMIN.password);
  await open(admin, `${site(ADMIN.host)}/admin/outbox`);
  await admin
    .getByRole("row", { name: /forgetful@acme\.example/ })
    .getByRole("button", { name: "View" })
    .first()
    .click();
  const link = admin.getByRole("link", { name: /reset-password\?token=/ });
  const href = await link.getAttribute("href");
  expect(href).toContain(`${site("acme.localhost")}/reset-password?token=`);
  await admin.close();

  await open(page, href!);
  await page.getByLabel("New password", { exact: true }).fill("Green-Meadow-Key-9");
  await page.getByLabel("Repeat new password").fill("Green-Meadow-Key-9");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("Your password was changed.")).toBeVisible();
  await signIn(page, "acme.localhost", PERSON.email, "Green-Meadow-Key-9");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await signOut(page);
});
