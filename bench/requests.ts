/**
 * What one signed-in request costs, next to the framework's floor, measured in one run.
 * Starts the portal exactly as `npm start` does (own data directory and ports), signs in as the
 * demo tenant admin, then drives each kind of request with N keep-alive clients for S seconds:
 *   floor     GET /api/inngest            a Next route: no session, no database
 *   trivial   auth.me                     session + scoped transaction, no tenant query
 *   list      user.list (20 per page)     session + scoped transaction + two queries
 *   page      GET /dashboard              a server-rendered page
 * Prints throughput, p50/p95/p99, errors, the ratio to the floor and the CPU each request cost the
 * portal (node) and PostgreSQL (read from /proc), then a profile: each kind again with one client,
 * its latency next to the floor's and where that time goes — the spans the portal records with
 * FAXPORT_PROFILE=1 (server/http/request-profile.ts; `--no-profile` starts it without, to see what
 * the recording itself costs).
 *   npm run bench:requests -- [--clients 50] [--seconds 15] [--also 200] [--port 3300] [--pg-port 54380]
 *     [--page /dashboard]
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { deriveCredentials } from "../lib/auth/credentials";
import { kdfParamsSchema } from "../lib/crypto/key-schedule";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CLIENTS = arg("clients", 50);
const SECONDS = arg("seconds", 15);
const ALSO = arg("also", 200); // a second, heavier round that only counts errors
// Its own ports, so a bench never meets a running `npm start` (BENCH_PORT / BENCH_PG_PORT or flags).
const PORT = arg("port", Number(process.env.BENCH_PORT ?? 3300));
const PG_PORT = arg("pg-port", Number(process.env.BENCH_PG_PORT ?? 54380));
const WARM_UP = 20;
// The page to render (`--page /campaigns` compares the shell alone with the dashboard).
const PAGE = process.argv.includes("--page") ? String(process.argv[process.argv.indexOf("--page") + 1]) : "/dashboard";
const PROFILE = !process.argv.includes("--no-profile");
const PROFILE_SECONDS = arg("profile-seconds", 4);

const DATA_DIR = ".data/bench-requests";
const TENANT_HOST = `acme.localhost:${PORT}`;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1000 });

type RequestOptions = { path: string; method?: string; headers?: Record<string, string>; body?: string };

/**
 * node:http, not fetch: fetch replaces a Host header with the URL's host (STACK-NOTES). A kept-alive
 * socket the server closed as it was being reused is retried once on a fresh one, as browsers do.
 */
function request(opts: RequestOptions, retried = false): Promise<Answer> {
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
    req.on("error", (error: NodeJS.ErrnoException) => {
      const closedUnderUs = req.reusedSocket && (error.code === "ECONNRESET" || error.message === "socket hang up");
      if (closedUnderUs && !retried) request(opts, true).then(resolve, reject);
      else reject(error);
    });
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

function startPortal(): Promise<ChildProcess> {
  rmSync(DATA_DIR, { recursive: true, force: true });
  const child = spawn("node_modules/.bin/tsx", ["scripts/serve.ts"], {
    env: {
      ...process.env,
      PORT: String(PORT),
      FAXPORT_PG_PORT: String(PG_PORT),
      FAXPORT_DATA_DIR: DATA_DIR,
      FAXPORT_PROFILE: PROFILE ? "1" : "0",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, so the whole portal (node, next, postgres) stops together
  });
  return new Promise((resolve, reject) => {
    let log = "";
    let pending = "";
    const onData = (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-20_000);
      if (log.includes("Faxport is running")) resolve(child);
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        const at = line.indexOf("faxport-profile ");
        if (at >= 0) profileTotals = JSON.parse(line.slice(at + "faxport-profile ".length)) as ProfileTotals;
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (c: Buffer) => (log += c.toString()));
    child.on("exit", (code) =>
      reject(new Error(`the portal exited (${code}) before it was ready:\n${log.slice(-2000)}`)),
    );
  });
}

/**
 * Signs in as the login page does — step one for the account's KDF parameters, the auth key derived
 * here (the password never goes out) — through Auth.js's credentials callback, and returns the
 * cookies a browser would keep.
 */
async function signIn(username: string, password: string): Promise<string> {
  const input = encodeURIComponent(JSON.stringify({ json: { username } }));
  const step1 = await request({ path: `/api/trpc/auth.signInParams?input=${input}` });
  if (step1.status !== 200) throw new Error(`sign-in step one failed (${step1.status}): ${step1.body.slice(0, 300)}`);
  const params = kdfParamsSchema.parse(JSON.parse(step1.body).result.data.json);
  const { authKey } = await deriveCredentials(password, params);
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
  const form = new URLSearchParams({ username, authKey, csrfToken, callbackUrl: "/dashboard" }).toString();
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

/** Running totals the portal prints with FAXPORT_PROFILE=1: per kind, requests and spans. */
type ProfileTotals = Record<string, { requests: number; spans: Record<string, { ms: number; n: number }> }>;
let profileTotals: ProfileTotals = {};

/** CPU time (ms) used so far by the portal's processes: PostgreSQL's and the rest (node). */
function cpuOf(rootPid: number): { node: number; pg: number } {
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  const procs = new Map<number, { ppid: number; comm: string; cpu: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      const comm = stat.slice(stat.indexOf("(") + 1, close);
      const f = stat.slice(close + 2).split(" "); // f[0] = state, f[1] = ppid, f[11] = utime, f[12] = stime
      procs.set(Number(entry), { ppid: Number(f[1]), comm, cpu: (Number(f[11]) + Number(f[12])) * tick });
    } catch {
      // gone meanwhile
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 20; p = procs.get(p)?.ppid ?? 0, hops++) if (p === rootPid) return true;
    return false;
  };
  const total = { node: 0, pg: 0 };
  for (const [pid, p] of procs) {
    if (!inTree(pid)) continue;
    if (p.comm.startsWith("postgres")) total.pg += p.cpu;
    else total.node += p.cpu;
  }
  return total;
}

interface Stats {
  name: string;
  done: number;
  errors: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  cpuNode: number;
  cpuPg: number;
  reasons: Map<string, number>;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/** `clients` loops, each sending the next request as soon as the last one is answered. */
async function load(
  name: string,
  send: () => Promise<Answer>,
  clients: number,
  seconds: number,
  rootPid: number,
): Promise<Stats> {
  for (let i = 0; i < WARM_UP; i++) await send(); // warm up: compile, caches, connections
  const latencies: number[] = [];
  let errors = 0;
  const reasons = new Map<string, number>();
  const end = performance.now() + seconds * 1000;
  const loop = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        const a = await send();
        if (a.status >= 400) {
          errors++;
          const why = `${a.status} ${a.body.replace(/\s+/g, " ").slice(0, 160)}`;
          reasons.set(why, (reasons.get(why) ?? 0) + 1);
        }
      } catch (error) {
        errors++;
        const why = error instanceof Error ? error.message : String(error);
        reasons.set(why, (reasons.get(why) ?? 0) + 1);
      }
      latencies.push(performance.now() - t0);
    }
  };
  const cpu0 = cpuOf(rootPid);
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, loop));
  const elapsed = (performance.now() - t0) / 1000;
  const cpu1 = cpuOf(rootPid);
  latencies.sort((a, b) => a - b);
  return {
    name,
    done: latencies.length,
    errors,
    perSecond: latencies.length / elapsed,
    p50: pct(latencies, 0.5),
    p95: pct(latencies, 0.95),
    p99: pct(latencies, 0.99),
    mean: latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length),
    cpuNode: (cpu1.node - cpu0.node) / Math.max(1, latencies.length),
    cpuPg: (cpu1.pg - cpu0.pg) / Math.max(1, latencies.length),
    reasons,
  };
}

/**
 * One client at a time, so a span is the request's own work and not time spent queueing behind
 * others: latency next to the floor's, CPU, and the spans the portal recorded (mean ms per request).
 */
async function profile(kinds: [string, () => Promise<Answer>][], rootPid: number) {
  const settle = () => new Promise((r) => setTimeout(r, 2_300)); // the portal prints its totals every 2 s
  console.log(`\nProfile: one client, ${PROFILE_SECONDS} s each; mean ms per request`);
  if (!PROFILE) console.log("  (started with --no-profile: latency and CPU only)");
  let floorLatency = 0;
  for (const [name, send] of kinds) {
    await settle();
    const before = structuredClone(profileTotals);
    const s = await load(name, send, 1, PROFILE_SECONDS, rootPid);
    await settle();
    if (name.includes("floor")) floorLatency = s.mean;
    const line = [`latency ${s.mean.toFixed(2)}`, `CPU ${s.cpuNode.toFixed(2)} + pg ${s.cpuPg.toFixed(2)}`];
    if (!name.includes("floor")) line.push(`(${(s.mean - floorLatency).toFixed(2)} over the floor)`);
    const parts: string[] = [];
    const requests = s.done + WARM_UP; // a page render may record under more than one render scope
    for (const [kind, now] of Object.entries(profileTotals)) {
      const was = before[kind];
      if (now.requests - (was?.requests ?? 0) <= 0) continue;
      for (const [span, t] of Object.entries(now.spans)) {
        const ms = t.ms - (was?.spans[span]?.ms ?? 0);
        const n = t.n - (was?.spans[span]?.n ?? 0);
        if (n <= 0) continue;
        const each = n / requests;
        parts.push(`${span} ${(ms / requests).toFixed(2)}${each !== 1 ? ` (${each.toFixed(1)}×)` : ""}`);
      }
    }
    console.log(`  ${name.padEnd(24)} ${line.join(" · ")}`);
    if (parts.length) console.log(`  ${"".padEnd(24)} ${parts.join(" · ")}`);
  }
  console.log(
    "  session = cookie + session check (jwt: Auth.js, db: Session row); tx = scoped transaction (open: pool +" +
      " BEGIN, set-config: RLS settings, close: COMMIT); sql = one database round trip each (count per request);" +
      " serialize = superjson; handler = the whole tRPC handler. The rest of the latency is Next itself and" +
      " rendering.",
  );
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
      [`GET ${PAGE}`, () => request({ path: PAGE, headers: { cookie } })],
    ];
    // The floor answers 503 without an Inngest server; it is still a full trip through Next.
    const check = await Promise.all(kinds.slice(1).map(([, send]) => send()));
    const refused = check.find((a) => a.status !== 200);
    if (refused) throw new Error(`a signed-in request was refused (${refused.status}): ${refused.body.slice(0, 200)}`);

    const rootPid = portal.pid ?? 0;
    const results: Stats[] = [];
    for (const [name, send] of kinds) {
      const s = await load(name, send, CLIENTS, SECONDS, rootPid);
      if (name.includes("floor")) s.errors -= s.done; // every floor answer is the expected 503
      results.push(s);
    }
    const floor = results[0]!.perSecond;
    console.log(`\n${CLIENTS} keep-alive clients, ${SECONDS} s each, acme-admin on ${TENANT_HOST}\n`);
    console.log(
      "| request | throughput | p50 | p95 | p99 | errors | vs floor | CPU per request: portal + PostgreSQL |",
    );
    console.log("|---|---|---|---|---|---|---|---|");
    for (const s of results) {
      console.log(
        `| ${s.name} | ${s.perSecond.toFixed(0)}/s | ${s.p50.toFixed(0)} ms | ${s.p95.toFixed(0)} ms | ${s.p99.toFixed(0)} ms | ${Math.max(0, s.errors)} | ${(s.perSecond / floor).toFixed(2)}× | ${s.cpuNode.toFixed(1)} + ${s.cpuPg.toFixed(1)} ms |`,
      );
    }

    for (const s of results.slice(1)) for (const [why, n] of s.reasons) console.log(`  ${s.name}: ${n}× ${why}`);

    if (PROFILE_SECONDS > 0) await profile(kinds, rootPid);

    if (ALSO > 0) {
      console.log(`\n${ALSO} clients, 5 s each (errors only):`);
      for (const [name, send] of kinds.slice(1)) {
        const s = await load(name, send, ALSO, 5, rootPid);
        console.log(`  ${name.padEnd(24)} ${s.done} requests, ${s.errors} errors, p95 ${s.p95.toFixed(0)} ms`);
        for (const [why, n] of s.reasons) console.log(`    ${n}× ${why}`);
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
