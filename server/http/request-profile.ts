/**
 * Where a signed-in request spends its time (bench/requests.ts reads it). Off unless the server runs
 * with FAXPORT_PROFILE=1. Then:
 *  - API answers (tRPC) carry a `Server-Timing` header: span names, durations and counts only —
 *    never ids, names or data;
 *  - every 2 s the process prints running totals per kind of request as one line
 *    `faxport-profile {json}` on stdout. That is how page renders are measured: a page's headers
 *    are sent before its rendering ends, so they cannot carry its timings.
 * Spans are attributed to the request through AsyncLocalStorage (route handlers wrap themselves in
 * `withRequestProfile`) or, inside a server render, to that render (React's per-request `cache`).
 * Work outside both (jobs, scripts, tests) is not recorded.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { cache } from "react";

export const profiling = process.env.FAXPORT_PROFILE === "1";

interface Span {
  ms: number;
  n: number;
}

class Profile {
  readonly spans = new Map<string, Span>();
  constructor(readonly kind: string) {
    const total = totalsFor(kind);
    total.requests++;
    scheduleReport();
  }
  add(name: string, ms: number) {
    for (const spans of [this.spans, totalsFor(this.kind).spans]) {
      const s = spans.get(name);
      if (s) {
        s.ms += ms;
        s.n++;
      } else spans.set(name, { ms, n: 1 });
    }
  }
}

// On globalThis: Next bundles route handlers and pages separately; one process, one set of totals.
const g = globalThis as unknown as {
  faxportProfileStorage?: AsyncLocalStorage<Profile>;
  faxportProfileTotals?: Map<string, { requests: number; spans: Map<string, Span> }>;
  faxportProfileTimer?: NodeJS.Timeout;
};
g.faxportProfileStorage ??= new AsyncLocalStorage<Profile>();
g.faxportProfileTotals ??= new Map();
const storage = g.faxportProfileStorage;
const totals = g.faxportProfileTotals;

function totalsFor(kind: string) {
  let t = totals.get(kind);
  if (!t) {
    t = { requests: 0, spans: new Map() };
    totals.set(kind, t);
  }
  return t;
}

function scheduleReport() {
  if (g.faxportProfileTimer) return;
  let last = "";
  g.faxportProfileTimer = setInterval(() => {
    const json = JSON.stringify(
      Object.fromEntries(
        [...totals].map(([kind, t]) => [kind, { requests: t.requests, spans: Object.fromEntries(t.spans) }]),
      ),
    );
    if (json !== last) console.log(`faxport-profile ${json}`);
    last = json;
  }, 2_000);
  g.faxportProfileTimer.unref();
}

// Inside a server render React memoises this per request; elsewhere each call gives a new object.
const renderSlot = cache((): { profile?: Profile } => ({}));

function currentProfile(): Profile | undefined {
  const fromStorage = storage.getStore();
  if (fromStorage) return fromStorage;
  const slot = renderSlot();
  if (slot !== renderSlot()) return undefined; // not inside a server render
  slot.profile ??= new Profile("page");
  return slot.profile;
}

/** Adds `ms` to the span `name` of the current request (a count when called once per event). */
export function recordSpan(name: string, ms: number): void {
  if (profiling) currentProfile()?.add(name, ms);
}

/** Runs `work` and adds its duration to the span `name` of the current request. */
export async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (!profiling) return work();
  const profile = currentProfile();
  if (!profile) return work();
  const t0 = performance.now();
  try {
    return await work();
  } finally {
    profile.add(name, performance.now() - t0);
  }
}

/** Synchronous variant of `timed` (serialisation). */
export function timedSync<T>(name: string, work: () => T): T {
  if (!profiling) return work();
  const profile = currentProfile();
  if (!profile) return work();
  const t0 = performance.now();
  try {
    return work();
  } finally {
    profile.add(name, performance.now() - t0);
  }
}

/** Wraps a route handler: its spans are its own, and its answer carries them as Server-Timing. */
export async function withRequestProfile(kind: string, handle: () => Promise<Response>): Promise<Response> {
  if (!profiling) return handle();
  const profile = new Profile(kind);
  const t0 = performance.now();
  const response = await storage.run(profile, handle);
  profile.add("handler", performance.now() - t0);
  const header = [...profile.spans]
    .map(([name, s]) => `${name};dur=${s.ms.toFixed(2)}${s.n > 1 ? `;desc="${s.n}"` : ""}`)
    .join(", ");
  try {
    response.headers.set("Server-Timing", header);
  } catch {
    // an immutable Response (a redirect): no header then
  }
  return response;
}
