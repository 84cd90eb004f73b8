/**
 * What one signed-in request costs, next to the framework's floor, measured in one run.
 * Starts the portal exactly as `npm start` does (own data directory and ports), signs in as the
 * demo tenant admin, then drives each kind of request with N keep-alive clients for S seconds:
 *   floor     GET /api/inngest            a Next route: no session, no database
 *   trivial   auth.me                     session + scoped transaction, no tenant query
 *   list      user.list (20 per page)     session + scoped transaction + two queries
 *   page      GET /dashboard              a server-rendered page
 * Prints throughput, p50/p95/p99, errors and the ratio to the floor, then where a signed-in
 * request spends its time, from the Server-Timing header the portal sends.
 *   npx tsx bench/requests.ts [--clients 50] [--seconds 15] [--also 200]
 */
import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import http from "node:http";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CLIENTS = arg("clients", 50);
const SECONDS = arg("seconds", 15);
const ALSO = arg("also", 200); // a second, heavier round that only counts errors
const PORT = arg("port", 3300);
const PG_PORT = arg("pg-port", 54380);
const DATA_DIR = ".data/bench-requests";
const TENANT_HOST = `acme.localhost:${PORT}`;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1000 });

/** node:http, not fetch: fetch replaces a Host header with the URL's host (STACK-NOTES). */
function request(opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<Answer>((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: PORT,
        path: opts.path,
        method: opts.method ?? "GET",
        agent,
        headers: { host: TENANT_HOST, ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

function startPortal(): Promise<ChildProcess> {
  rmSync(DATA_DIR, { recursive: true, force: true });
  const child = spawn("node_modules/.bin/tsx", ["scripts/serve.ts"], {
    env: { ...process.env, PORT: String(PORT), FAXPORT_PG_PORT: String(PG_PORT), FAXPORT_DATA_DIR: DATA_DIR },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, so the whole portal (node, next, postgres) stops together
  });
  return new Promise((resolve, reject) => {
    let log = "";
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes("Faxport is running")) resolve(child);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (c: Buffer) => (log += c.toString()));
    child.on("exit", (code) =>
      reject(new Error(`the portal exited (${code}) before it was ready:\n${log.slice(-2000)}`)),
    );
  });
}

/** Signs in through Auth.js's credentials callback and returns the cookies a browser would keep. */
async function signIn(username: string, password: string): Promise<string> {
  const csrf = await request({ path: "/api/auth/csrf" });
  const jar = new Map<string, string>();
  const keep = (a: Answer) => {
    for (const c of [a.headers["set-cookie"] ?? []].flat()) {
      const [pair] = c.split(";");
      const [name, ...value] = pair!.split("=");
      jar.set(name!, value.join("="));
    }
  };
  keep(csrf);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const form = new URLSearchParams({ username, password, csrfToken, callbackUrl: "/dashboard" }).toString();
  const answer = await request({
    path: "/api/auth/callback/credentials",
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: cookie(),
      origin: `http://${TENANT_HOST}`,
    },
    body: form,
  });
  keep(answer);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) {
    throw new Error(`sign-in as ${username} failed (${answer.status}): ${answer.body.slice(0, 300)}`);
  }
  return cookie();
}

interface Stats {
  name: string;
  done: number;
  errors: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  timings: Map<string, number[]>;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/** `clients` loops, each sending the next request as soon as the last one is answered. */
async function load(name: string, send: () => Promise<Answer>, clients: number, seconds: number): Promise<Stats> {
  for (let i = 0; i < 20; i++) await send(); // warm up: compile, caches, connections
  const latencies: number[] = [];
  const timings = new Map<string, number[]>();
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const loop = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        const a = await send();
        if (a.status >= 400) errors++;
        for (const part of String(a.headers["server-timing"] ?? "").split(",")) {
          const m = /^\s*([\w-]+).*?dur=([\d.]+)/.exec(part);
          if (m) timings.set(m[1]!, [...(timings.get(m[1]!) ?? []), Number(m[2])]);
        }
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t0);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, loop));
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    name,
    done: latencies.length,
    errors,
    perSecond: latencies.length / elapsed,
    p50: pct(latencies, 0.5),
    p95: pct(latencies, 0.95),
    p99: pct(latencies, 0.99),
    timings,
  };
}

async function main() {
  console.log(`Starting the portal on :${PORT} (data in ${DATA_DIR})…`);
  const portal = await startPortal();
  try {
    const cookie = await signIn("acme-admin", "Acme-Admin-2026");
    const trpcInput = encodeURIComponent(JSON.stringify({ json: { search: "", page: 1, pageSize: 20 } }));
    const kinds: [string, () => Promise<Answer>][] = [
      ["GET /api/inngest (floor)", () => request({ path: "/api/inngest" })],
      ["auth.me", () => request({ path: "/api/trpc/auth.me", headers: { cookie } })],
      ["user.list (20 users)", () => request({ path: `/api/trpc/user.list?input=${trpcInput}`, headers: { cookie } })],
      ["GET /dashboard", () => request({ path: "/dashboard", headers: { cookie } })],
    ];
    // The floor answers 503 without an Inngest server; it is still a full trip through Next.
    const check = await Promise.all(kinds.slice(1).map(([, send]) => send()));
    const refused = check.find((a) => a.status !== 200);
    if (refused) throw new Error(`a signed-in request was refused (${refused.status}): ${refused.body.slice(0, 200)}`);

    const results: Stats[] = [];
    for (const [name, send] of kinds) {
      const s = await load(name, send, CLIENTS, SECONDS);
      if (name.includes("floor")) s.errors -= s.done; // every floor answer is the expected 503
      results.push(s);
    }
    const floor = results[0]!.perSecond;
    console.log(`\n${CLIENTS} keep-alive clients, ${SECONDS} s each, acme-admin on ${TENANT_HOST}\n`);
    console.log("| request | throughput | p50 | p95 | p99 | errors | vs floor |");
    console.log("|---|---|---|---|---|---|---|");
    for (const s of results) {
      console.log(
        `| ${s.name} | ${s.perSecond.toFixed(0)}/s | ${s.p50.toFixed(0)} ms | ${s.p95.toFixed(0)} ms | ${s.p99.toFixed(0)} ms | ${Math.max(0, s.errors)} | ${(s.perSecond / floor).toFixed(2)}× |`,
      );
    }

    console.log("\nWhere a signed-in request spends its time (Server-Timing, mean ms per request):");
    for (const s of results.slice(1)) {
      const parts = [...s.timings].map(([k, v]) => `${k} ${(v.reduce((a, b) => a + b, 0) / v.length).toFixed(2)}`);
      console.log(`  ${s.name.padEnd(24)} ${parts.length ? parts.join(" · ") : "(no Server-Timing header)"}`);
    }

    if (ALSO > 0) {
      console.log(`\n${ALSO} clients, 5 s each (errors only):`);
      for (const [name, send] of kinds.slice(1)) {
        const s = await load(name, send, ALSO, 5);
        console.log(`  ${name.padEnd(24)} ${s.done} requests, ${s.errors} errors, p95 ${s.p95.toFixed(0)} ms`);
      }
    }
  } finally {
    agent.destroy();
    if (portal.pid) process.kill(-portal.pid, "SIGINT");
    await new Promise((r) => portal.once("exit", r));
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
