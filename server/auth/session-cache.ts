/**
 * Validated sessions kept in memory, so a signed-in request need not read its Session row, user and
 * policy every time. Every change that can end or alter a session (Session revoked or deleted, User
 * changed or deleted, security policy changed) makes PostgreSQL notify `faxport_sessions` when it
 * commits — triggers, so no code path can forget — and each portal process on the database drops
 * the affected entries as the notification arrives (LISTEN on its own connection).
 *
 * Revocation lag: the delivery of that notification (milliseconds). An entry is used only while this
 * process is listening — a lost connection empties the cache and turns it off until it is back — and
 * never longer than MAX_AGE_MS after it was read, whatever happens. An entry read while a change
 * was being announced is not kept (the generation check), so a change cannot be overwritten by
 * the state it replaced.
 *
 * On in the Next server (NEXT_RUNTIME is set); elsewhere (scripts, tests) only when started, and
 * FAXPORT_SESSION_CACHE=off turns it off everywhere.
 */
import pg from "pg";

export const MAX_AGE_MS = 10_000;
const MAX_ENTRIES = 20_000;
const CHANNEL = "faxport_sessions";

export interface CachedSession<U> {
  user: U;
  userId: string;
  tenantId: string | null;
  lastSeenAt: number;
  idleTimeoutMs: number;
  readAt: number;
}

interface State {
  entries: Map<string, CachedSession<unknown>>;
  generation: number;
  listening: boolean;
  client: pg.Client | null;
  url: string | null;
  retry: NodeJS.Timeout | null;
  stopped: boolean;
}

// On globalThis: Next bundles route handlers and pages separately; one cache and one listener per process.
const g = globalThis as unknown as { faxportSessionCache?: State };
g.faxportSessionCache ??= {
  entries: new Map(),
  generation: 0,
  listening: false,
  client: null,
  url: null,
  retry: null,
  stopped: true,
};
const state = g.faxportSessionCache;

function wanted(): boolean {
  if (process.env.FAXPORT_SESSION_CACHE === "off") return false;
  return !!process.env.NEXT_RUNTIME || !state.stopped;
}

function forgetAll() {
  state.entries.clear();
  state.generation++;
}

function onNotice(payload: string | undefined) {
  state.generation++;
  const [kind, id] = (payload ?? "").split(":");
  if (!id) return forgetAll();
  for (const [sid, entry] of state.entries) {
    if (
      (kind === "session" && sid === id) ||
      (kind === "user" && entry.userId === id) ||
      (kind === "tenant" && entry.tenantId === id)
    ) {
      state.entries.delete(sid);
    }
  }
}

async function listen(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, application_name: "faxport session cache" });
  state.client = client;
  const lost = () => {
    if (state.client !== client) return;
    state.listening = false;
    state.client = null;
    forgetAll();
    client.end().catch(() => {});
    if (!state.stopped) {
      state.retry = setTimeout(() => void listen(url).catch(() => {}), 1_000);
      state.retry.unref();
    }
  };
  client.on("error", lost);
  client.on("end", lost);
  client.on("notification", (n) => onNotice(n.payload));
  try {
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    // Anything cached before now may have missed a notification: start clean.
    forgetAll();
    if (state.client === client) state.listening = true;
  } catch {
    lost();
  }
}

/** Starts listening (idempotent). Called on first use in the server; tests call it to turn the cache on. */
export function startSessionCache(url = process.env.DATABASE_URL): void {
  if (!url || process.env.FAXPORT_SESSION_CACHE === "off") return;
  if (state.url === url && (state.client || state.retry)) return;
  if (state.url !== url) void stopSessionCacheNow(); // the old listener closes in the background
  state.stopped = false;
  state.url = url;
  void listen(url);
}

function stopSessionCacheNow() {
  state.stopped = true;
  state.listening = false;
  if (state.retry) clearTimeout(state.retry);
  state.retry = null;
  const client = state.client;
  state.client = null;
  forgetAll();
  return client?.end().catch(() => {});
}

/** Stops listening and empties the cache (tests; a process shutting down). */
export async function stopSessionCache(): Promise<void> {
  await stopSessionCacheNow();
}

/** Whether entries may be used now (listening on the current database). */
export function sessionCacheActive(): boolean {
  if (!wanted()) return false;
  if (!state.client && !state.retry) startSessionCache();
  return state.listening && state.url === process.env.DATABASE_URL;
}

export function cachedSession<U>(sessionId: string, now: number): CachedSession<U> | null {
  if (!sessionCacheActive()) return null;
  const entry = state.entries.get(sessionId) as CachedSession<U> | undefined;
  if (!entry) return null;
  if (now - entry.readAt > MAX_AGE_MS || now < entry.readAt) {
    state.entries.delete(sessionId);
    return null;
  }
  return entry;
}

/** The generation before reading from the database; pass it to `rememberSession`. */
export function sessionCacheGeneration(): number {
  return state.generation;
}

/** Keeps a session read at `generation`, unless a change was announced meanwhile. */
export function rememberSession<U>(sessionId: string, entry: CachedSession<U>, generation: number): void {
  if (!sessionCacheActive() || generation !== state.generation) return;
  if (state.entries.size >= MAX_ENTRIES) state.entries.clear();
  state.entries.set(sessionId, entry as CachedSession<unknown>);
}

/** Drops one session at once in this process (its own sign-out); the trigger tells the others. */
export function forgetSession(sessionId: string): void {
  state.generation++;
  state.entries.delete(sessionId);
}
