/**
 * Findings of an outside probe against a running `npm start` (issue 5, section 2), replayed over
 * real HTTP: poisoned reset links, cross-site mutations, sessions on the wrong host, Auth.js's
 * own sign-out, and a stranger trying to lock the owner's browser out.
 *
 * Each test uses organisations of its own, so it runs beside any other spec. The limits it meets
 * are all per login string or per person (server/auth/verify-credentials.ts, password-reset.ts):
 * the per-address sign-in limit counts only a client address a trusted proxy reported, and the
 * e2e portal has no proxy (TRUST_PROXY unset), so nothing here is counted per IP.
 */
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { ADMIN, open, PORT, signIn, signInError, signInPlatformAdmin, signOut, site } from "./helpers";
import { newOrganisation } from "./organisation";

const api = `http://127.0.0.1:${PORT}/api/trpc`;

/** A tRPC mutation as a script would send it: JSON, any headers the sender likes. */
const mutate = (request: APIRequestContext, path: string, input: unknown, headers: Record<string, string>) =>
  request.post(`${api}/${path}`, {
    headers: { "content-type": "application/json", ...headers },
    data: { json: input },
  });

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function lastLinkTo(admin: Page, to: string) {
  await open(admin, `${site(ADMIN.host)}/admin/outbox`);
  await admin
    .getByRole("row", { name: new RegExp(escapeRegExp(to)) })
    .getByRole("button", { name: "View" })
    .first()
    .click();
  const href = await admin.getByRole("link", { name: /reset-password\?token=/ }).getAttribute("href");
  await admin.keyboard.press("Escape");
  return href;
}

test("reset links come from the configured address, whatever the request's headers say", async ({ request, page }) => {
  const org = await newOrganisation("Reset Links");
  // The platform admin's reset counter (3 a quarter hour per login) meets this one request a run.
  const poisoned = await mutate(
    request,
    "auth.requestPasswordReset",
    { login: "admin" },
    { Host: `localhost:${PORT}`, "X-Forwarded-Proto": "https://evil.example/?a=" },
  );
  expect(poisoned.status()).toBe(200);
  const otherPort = await mutate(
    request,
    "auth.requestPasswordReset",
    { login: org.user.email },
    { Host: `${org.host}:6666` },
  );
  expect(otherPort.status()).toBe(200);

  await signInPlatformAdmin(page);
  // Each look opens the outbox afresh; the mails are written after the answer, not before it.
  await expect
    .poll(() => lastLinkTo(page, "admin@faxport.localhost"), { timeout: 30_000 })
    .toMatch(new RegExp(`^${site("localhost")}/reset-password\\?token=`));
  await expect
    .poll(() => lastLinkTo(page, org.user.email), { timeout: 30_000 })
    .toMatch(new RegExp(`^${escapeRegExp(site(org.host))}/reset-password\\?token=`));
  // A list in X-Forwarded-Host (no proxy configured) is no error either.
  const listOfHosts = await mutate(
    request,
    "auth.requestPasswordReset",
    { login: "nobody-at-all" },
    { Host: `${org.host}:${PORT}`, "X-Forwarded-Host": "a.example, b.example" },
  );
  expect(listOfHosts.status()).toBe(200);
});

test("cross-site mutations are refused", async ({ request }) => {
  const org = await newOrganisation("Cross Site");
  const host = { Host: `${org.host}:${PORT}` };
  const form = await request.post(`${api}/auth.requestPasswordReset`, {
    headers: { ...host, Origin: "http://evil.example" },
    multipart: { login: org.user.email },
  });
  expect(form.status()).toBe(403);
  const json = await mutate(
    request,
    "auth.requestPasswordReset",
    { login: "x" },
    { ...host, Origin: "http://evil.example" },
  );
  expect(json.status()).toBe(403);
  const same = await mutate(request, "auth.requestPasswordReset", { login: "x" }, { ...host, Origin: site(org.host) });
  expect(same.status()).toBe(200);
});

test("a session cookie shown on another tenant's host leads to that host's sign-in page", async ({ page, context }) => {
  const [mine, theirs] = await Promise.all([newOrganisation("Cookie Home"), newOrganisation("Cookie Away")]);
  await signIn(page, mine.host, mine.user.username, mine.user.password);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  const cookies = await context.cookies(site(mine.host));
  await context.addCookies(cookies.map((c) => ({ ...c, domain: theirs.host })));
  const response = await page.goto(`${site(theirs.host)}/dashboard`);
  expect(response?.status()).toBe(200);
  await expect(page.getByLabel("Username or email")).toBeVisible();
});

test("Auth.js's own sign-out ends the session, not only the cookie", async ({ page, context }) => {
  const org = await newOrganisation("Own Sign Out");
  await signIn(page, org.host, org.user.username, org.user.password);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  const saved = await context.cookies(site(org.host));
  // From the page itself (only the browser resolves *.localhost), as Auth.js's sign-out page would.
  await page.evaluate(async () => {
    const { csrfToken } = await (await fetch("/api/auth/csrf")).json();
    await fetch("/api/auth/signout", { method: "POST", body: new URLSearchParams({ csrfToken }), redirect: "manual" });
  });
  await context.addCookies(saved); // the old cookie, replayed
  expect(await page.evaluate(async () => (await fetch("/api/trpc/auth.me")).status)).toBe(401);
});

test("a stranger's wrong passwords do not lock the owner's own browser out", async ({ page, browser }) => {
  test.setTimeout(120_000); // seven sign-ins, one after another
  const org = await newOrganisation("Stranger Danger");
  const login = org.user.email; // by email, as the owner would type it
  await signIn(page, org.host, login, org.user.password);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await signOut(page);

  // The stranger's failures lock this login for browsers without its device cookie: only this account.
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  for (let i = 1; i <= 5; i++) await signIn(strangerPage, org.host, login, `wrong-password-${i}`);
  await expect(signInError(strangerPage)).toContainText("locked for");
  await stranger.close();

  await signIn(page, org.host, login, org.user.password);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
});
