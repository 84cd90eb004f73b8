/**
 * Findings of an outside probe against a running `npm start` (issue 5, section 2), replayed over
 * real HTTP: poisoned reset links, cross-site mutations, sessions on the wrong host, Auth.js's
 * own sign-out, and a stranger trying to lock the owner's browser out.
 */
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { ADMIN, open, PORT, signIn, signInError, signOut, site } from "./helpers";

const api = `http://127.0.0.1:${PORT}/api/trpc`;

/** A tRPC mutation as a script would send it: JSON, any headers the sender likes. */
const mutate = (request: APIRequestContext, path: string, input: unknown, headers: Record<string, string>) =>
  request.post(`${api}/${path}`, {
    headers: { "content-type": "application/json", ...headers },
    data: { json: input },
  });

async function lastLinkTo(admin: Page, to: RegExp) {
  await open(admin, `${site(ADMIN.host)}/admin/outbox`);
  await admin.getByRole("row", { name: to }).getByRole("button", { name: "View" }).first().click();
  const href = await admin.getByRole("link", { name: /reset-password\?token=/ }).getAttribute("href");
  await admin.keyboard.press("Escape");
  return href;
}

test("reset links come from the configured address, whatever the request's headers say", async ({ request, page }) => {
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
    { login: "it@acme.example" },
    { Host: "acme.localhost:6666" },
  );
  expect(otherPort.status()).toBe(200);

  await signIn(page, ADMIN.host, ADMIN.username, ADMIN.password);
  await expect
    .poll(() => lastLinkTo(page, /admin@faxport\.localhost/))
    .toMatch(new RegExp(`^${site("localhost")}/reset-password\\?token=`));
  await expect
    .poll(() => lastLinkTo(page, /it@acme\.example/))
    .toMatch(new RegExp(`^${site("acme.localhost")}/reset-password\\?token=`));
  // A list in X-Forwarded-Host (no proxy configured) is no error either.
  const listOfHosts = await mutate(
    request,
    "auth.requestPasswordReset",
    { login: "nobody-at-all" },
    { Host: `acme.localhost:${PORT}`, "X-Forwarded-Host": "a.example, b.example" },
  );
  expect(listOfHosts.status()).toBe(200);
});

test("cross-site mutations are refused", async ({ request }) => {
  const host = { Host: `acme.localhost:${PORT}` };
  const form = await request.post(`${api}/auth.requestPasswordReset`, {
    headers: { ...host, Origin: "http://evil.example" },
    multipart: { login: "it@acme.example" },
  });
  expect(form.status()).toBe(403);
  const json = await mutate(
    request,
    "auth.requestPasswordReset",
    { login: "x" },
    { ...host, Origin: "http://evil.example" },
  );
  expect(json.status()).toBe(403);
  const same = await mutate(
    request,
    "auth.requestPasswordReset",
    { login: "x" },
    { ...host, Origin: site("acme.localhost") },
  );
  expect(same.status()).toBe(200);
});

test("a session cookie shown on another tenant's host leads to that host's sign-in page", async ({ page, context }) => {
  await signIn(page, "acme.localhost", "acme-user", "Acme-User-2026");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  const cookies = await context.cookies(site("acme.localhost"));
  await context.addCookies(cookies.map((c) => ({ ...c, domain: "globex.localhost" })));
  const response = await page.goto(`${site("globex.localhost")}/dashboard`);
  expect(response?.status()).toBe(200);
  await expect(page.getByLabel("Username or email")).toBeVisible();
});

test("Auth.js's own sign-out ends the session, not only the cookie", async ({ page, context }) => {
  await signIn(page, "acme.localhost", "acme-user", "Acme-User-2026");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  const saved = await context.cookies(site("acme.localhost"));
  // From the page itself (only the browser resolves *.localhost), as Auth.js's sign-out page would.
  await page.evaluate(async () => {
    const { csrfToken } = await (await fetch("/api/auth/csrf")).json();
    await fetch("/api/auth/signout", { method: "POST", body: new URLSearchParams({ csrfToken }), redirect: "manual" });
  });
  await context.addCookies(saved); // the old cookie, replayed
  expect(await page.evaluate(async () => (await fetch("/api/trpc/auth.me")).status)).toBe(401);
});

test("a stranger's wrong passwords do not lock the owner's own browser out", async ({ page, browser }) => {
  const login = "it@globex.example"; // globex-admin by email: a login string no other test uses
  await signIn(page, "globex.localhost", login, "Globex-Admin-2026");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await signOut(page);

  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  for (let i = 1; i <= 5; i++) await signIn(strangerPage, "globex.localhost", login, `wrong-password-${i}`);
  await expect(signInError(strangerPage)).toContainText("locked for");
  await stranger.close();

  await signIn(page, "globex.localhost", login, "Globex-Admin-2026");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
});
