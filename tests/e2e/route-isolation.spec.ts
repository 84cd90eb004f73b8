/**
 * Every route handler under app/api — found on disk, with every HTTP method its route.ts exports —
 * called against the real server anonymously and with Acme's admin's and user's cookies, on
 * Acme's host, on Globex's host and on the platform host. Nothing of Globex or of the platform may
 * come back, except on their own host what an anonymous visitor gets there too (a tenant's
 * logo is public), and nothing may fail with a 5xx (503 "not configured" aside). A route or a
 * method that the plan cannot fill in fails the test, so a new route cannot be skipped silently.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { DOCUMENT_PARTS } from "../../lib/schemas/document";
import { ADMIN, PORT, signIn } from "./helpers";

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
type Method = (typeof HTTP_METHODS)[number];

interface Route {
  file: string;
  /** URL path with its dynamic segments still in brackets, e.g. /api/trpc/[trpc] */
  pattern: string;
  methods: Method[];
}

/** app/api/**\/route.ts and the methods each exports (function, const, destructured or re-exported). */
function discoverRoutes(dir = "app/api"): Route[] {
  const routes: Route[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) routes.push(...discoverRoutes(p));
    else if (entry.name === "route.ts") {
      const source = readFileSync(p, "utf8");
      const exported = new Set<string>();
      for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+(\w+)/g)) exported.add(m[1]!);
      for (const m of source.matchAll(/export\s+(?:const|let)\s*\{([^}]*)\}/g))
        for (const name of m[1]!.split(","))
          exported.add(
            name
              .trim()
              .split(/\s*:\s*/)
              .pop()!,
          );
      for (const m of source.matchAll(/export\s*\{([^}]*)\}/g))
        for (const name of m[1]!.split(","))
          exported.add(
            name
              .trim()
              .split(/\s+as\s+/)
              .pop()!,
          );
      const pattern = `/${path.relative("app", path.dirname(p)).split(path.sep).join("/")}`;
      routes.push({ file: p, pattern, methods: HTTP_METHODS.filter((m) => exported.has(m)) });
    }
  }
  return routes;
}

/** tRPC procedures from the router sources: name, query or mutation, and whether it takes input. */
function discoverProcedures() {
  const root = readFileSync("server/trpc/root.ts", "utf8");
  const files = new Map(
    [...root.matchAll(/import \{ (\w+) \} from "\.\/routers\/([\w-]+)"/g)].map((m) => [m[1]!, m[2]!]),
  );
  const procedures: { name: string; kind: "query" | "mutation"; input: boolean }[] = [];
  for (const [, key, routerName] of root.matchAll(/^\s+(\w+): (\w+),$/gm)) {
    const source = readFileSync(`server/trpc/routers/${files.get(routerName!)}.ts`, "utf8");
    const entries = [...source.matchAll(/^ {2}(\w+): \w+Procedure/gm)];
    entries.forEach((m, i) => {
      const block = source.slice(m.index, entries[i + 1]?.index ?? source.length);
      const kind = block.includes(".mutation(") ? "mutation" : "query";
      procedures.push({ name: `${key}.${m[1]}`, kind, input: block.includes(".input(") });
    });
  }
  return procedures;
}

interface Call {
  method: Method;
  url: string;
  body?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A filled-in part of a URL, with the request body that goes with it (if any). */
type Fill = { value: string; body?: string };

/**
 * Values for each dynamic segment, per method. tRPC: every query with an empty input (list
 * defaults), every mutation with an input its schema refuses — so none runs, but each passes
 * through sign-in and role checks first. Auth.js: its read endpoints, and a credential post
 * without a CSRF token. An id segment (`[id]`, `[faxId]`… of the REST API to come): every id of
 * Globex and of the platform. Anything else fails the coverage test until it is taught here.
 */
function fillsFor(segment: string, method: Method): Fill[] | string {
  if (segment === "[trpc]") {
    const procedures = discoverProcedures();
    if (method === "GET")
      return procedures
        .filter((p) => p.kind === "query")
        .map((p) => ({
          value: p.input ? `${p.name}?input=${encodeURIComponent(JSON.stringify({ json: {} }))}` : p.name,
        }));
    if (method === "POST")
      return procedures
        .filter((p) => p.kind === "mutation" && p.input)
        .map((p) => ({ value: p.name, body: JSON.stringify({ json: "not an object" }) }));
  }
  if (segment === "[...nextauth]") {
    if (method === "GET") return ["session", "csrf", "providers", "signin", "error"].map((value) => ({ value }));
    if (method === "POST") return [{ value: "callback/credentials", body: "username=acme-admin" }];
  }
  if (/^\[\w*id\]$/i.test(segment)) {
    const ids = victims.flatMap((v) => v.markers).filter((m) => UUID.test(m));
    return ids.map((value) => ({ value, body: ["GET", "HEAD", "DELETE"].includes(method) ? undefined : "{}" }));
  }
  if (segment === "[part]") return DOCUMENT_PARTS.map((value) => ({ value }));
  // The trunk drivers' routes: the one driver that has them, and one that does not.
  if (segment === "[driver]") {
    return ["http-api", "freeswitch"].map((value) => ({ value, body: method === "POST" ? "{}" : undefined }));
  }
  // A media token is a random secret only the provider holds: guesses, and a victim's ids, open nothing.
  if (segment === "[token]") {
    const ids = victims.flatMap((v) => v.markers).filter((m) => UUID.test(m));
    return ["0".repeat(64), "not-a-token", ...ids].map((value) => ({ value }));
  }
  return `no values for ${segment} with ${method} — teach fillsFor() in tests/e2e/route-isolation.spec.ts`;
}

/** Every request to make for one method of a route (each combination of its segments' values). */
function callsFor(route: Route, method: Method): Call[] | string {
  let calls: Call[] = [{ method, url: route.pattern }];
  for (const segment of route.pattern.match(/\[[^\]]+\]/g) ?? []) {
    const fills = fillsFor(segment, method);
    if (typeof fills === "string") return fills;
    calls = calls.flatMap((c) =>
      fills.map((f) => ({ method, url: c.url.replace(segment, f.value), body: f.body ?? c.body })),
    );
  }
  return calls;
}

const HOSTS = ["acme.localhost", "globex.localhost", "localhost"] as const;
type Host = (typeof HOSTS)[number];
const IDENTITIES = ["anonymous", "acme-admin", "acme-user"] as const;
type Identity = (typeof IDENTITIES)[number];

interface Victim {
  name: string;
  home: Host;
  markers: string[];
}

async function send(request: APIRequestContext, call: Call, host: string, cookie?: string) {
  const res = await request.fetch(`http://127.0.0.1:${PORT}${call.url}`, {
    method: call.method,
    maxRedirects: 0,
    data: call.body,
    failOnStatusCode: false,
    headers: {
      // Node cannot resolve *.localhost the way browsers do: go to loopback and name the host.
      Host: `${host}:${PORT}`,
      ...(cookie ? { Cookie: cookie } : {}),
      ...(call.body?.startsWith("{")
        ? { "Content-Type": "application/json" }
        : call.body
          ? { "Content-Type": "application/x-www-form-urlencoded" }
          : {}),
    },
  });
  const body = call.method === "HEAD" ? "" : await res.text();
  return { status: res.status(), text: `${JSON.stringify(res.headers())}\n${body}` };
}

/** Strings that name a tenant's or the platform's rows, found in tRPC answers. */
const NAMING_KEYS = new Set(["id", "name", "title", "number", "username", "email", "hostname", "forwardEmail"]);
function namingValues(value: unknown, out = new Set<string>(), key = ""): Set<string> {
  if (typeof value === "string" && NAMING_KEYS.has(key) && value.length >= 5) out.add(value);
  else if (Array.isArray(value)) for (const v of value) namingValues(v, out, key);
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) namingValues(v, out, NAMING_KEYS.has(k) ? k : "");
  return out;
}

async function trpcGet(request: APIRequestContext, host: string, cookie: string, name: string, input?: unknown) {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const res = await send(request, { method: "GET", url: `/api/trpc/${name}${query}` }, host, cookie);
  expect(res.status, `${name} as the victim itself on ${host}`).toBe(200);
  return JSON.parse(res.text.slice(res.text.indexOf("\n") + 1)).result.data.json as unknown;
}

const cookieHeader = (cookies: { name: string; value: string }[]) =>
  cookies.map((c) => `${c.name}=${c.value}`).join("; ");

const routes = discoverRoutes();
const cookies = new Map<Identity, string | undefined>([["anonymous", undefined]]);
let victims: Victim[];
let globexCookie: string;
const LOGO_MARKER = `globex-logo-${Date.now()}`;

test.beforeAll(async ({ browser, request }) => {
  const signedIn = async (host: string, username: string, password: string) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, host, username, password);
    // A refused sign-in (e.g. a lockout left by another spec) must say so here, not as a 401 later.
    await expect(page.getByRole("heading", { name: "Dashboard" }), `${username} could not sign in`).toBeVisible();
    const header = cookieHeader(await context.cookies());
    await context.close();
    return header;
  };
  cookies.set("acme-admin", await signedIn("acme.localhost", "acme-admin", "Acme-Admin-2026"));
  cookies.set("acme-user", await signedIn("acme.localhost", "acme-user", "Acme-User-2026"));
  globexCookie = await signedIn("globex.localhost", "globex-admin", "Globex-Admin-2026");
  const platformCookie = await signedIn(ADMIN.host, ADMIN.username, ADMIN.password);

  // Globex gets a logo carrying a marker, so a logo served on the wrong host would show.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg"><title>${LOGO_MARKER}</title></svg>`;
  const upload = await send(
    request,
    {
      method: "POST",
      url: "/api/trpc/branding.uploadLogo",
      body: JSON.stringify({ json: { mimeType: "image/svg+xml", data: Buffer.from(svg).toString("base64") } }),
    },
    "globex.localhost",
    globexCookie,
  );
  expect(upload.status, upload.text).toBe(200);

  const acmeOwn = new Set<string>();
  for (const name of ["auth.me", "tenant.mine"])
    namingValues(await trpcGet(request, "acme.localhost", cookies.get("acme-admin")!, name), acmeOwn);
  for (const name of ["user.list", "did.list"])
    namingValues(await trpcGet(request, "acme.localhost", cookies.get("acme-admin")!, name, {}), acmeOwn);

  const globex = new Set<string>([LOGO_MARKER]);
  for (const name of ["auth.me", "tenant.mine"])
    namingValues(await trpcGet(request, "globex.localhost", globexCookie, name), globex);
  for (const name of ["user.list", "did.list"])
    namingValues(await trpcGet(request, "globex.localhost", globexCookie, name, {}), globex);

  const platform = new Set<string>();
  namingValues(await trpcGet(request, ADMIN.host, platformCookie, "auth.me"), platform);
  namingValues(await trpcGet(request, ADMIN.host, platformCookie, "trunk.list", {}), platform);
  namingValues(await trpcGet(request, ADMIN.host, platformCookie, "did.list", { status: "unassigned" }), platform);

  // What Acme legitimately knows of itself is no leak, even if another side shares the value.
  const without = (s: Set<string>) => [...s].filter((v) => ![...acmeOwn].some((own) => own.includes(v)));
  victims = [
    { name: "Globex", home: "globex.localhost", markers: without(globex) },
    { name: "the platform", home: "localhost", markers: without(platform) },
  ];
  expect(victims[0]!.markers.length).toBeGreaterThan(4);
  expect(victims[1]!.markers.length).toBeGreaterThan(2);
});

test.afterAll(async ({ request }) => {
  await send(
    request,
    { method: "POST", url: "/api/trpc/branding.removeLogo", body: JSON.stringify({ json: {} }) },
    "globex.localhost",
    globexCookie,
  );
});

test("finds the route handlers under app/api and how to call every method of each", () => {
  expect(routes.length).toBeGreaterThanOrEqual(4);
  const unfillable = routes.flatMap((r) =>
    r.methods.map((m) => [r.file, m, callsFor(r, m)] as const).filter(([, , c]) => typeof c === "string" || !c.length),
  );
  expect(unfillable.map(([file, m, why]) => `${file} ${m}: ${typeof why === "string" ? why : "no calls"}`)).toEqual([]);
  expect(routes.filter((r) => !r.methods.length).map((r) => `${r.file} exports no HTTP method we recognise`)).toEqual(
    [],
  );
});

for (const route of routes) {
  test(`${route.pattern} (${route.methods.join(", ")}) shows nothing of another tenant or the platform, and never fails with a 5xx`, async ({
    request,
  }) => {
    const problems: string[] = [];
    let calls = 0;
    for (const method of route.methods) {
      const planned = callsFor(route, method);
      if (typeof planned === "string") {
        problems.push(`${method}: ${planned}`);
        continue;
      }
      for (const call of planned) {
        for (const host of HOSTS) {
          const anonymous = await send(request, call, host);
          for (const identity of IDENTITIES) {
            const res = identity === "anonymous" ? anonymous : await send(request, call, host, cookies.get(identity));
            calls++;
            const where = `${call.method} ${call.url} on ${host} as ${identity}`;
            if (res.status >= 500 && res.status !== 503) problems.push(`${where} → ${res.status}`);
            for (const victim of victims) {
              // On a victim's own host an anonymous visitor's answer (its public logo, its name) is the baseline.
              const allowed = victim.home === host ? anonymous.text : "";
              const leaked = victim.markers.filter((m) => res.text.includes(m) && !allowed.includes(m));
              if (leaked.length) problems.push(`${where} showed ${victim.name}'s ${leaked.join(", ")}`);
            }
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(calls).toBeGreaterThan(0);
  });
}
