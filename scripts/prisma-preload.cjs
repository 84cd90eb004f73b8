/**
 * Loaded into the Prisma CLI (NODE_OPTIONS --require, see scripts/prisma.ts). Its WASM schema engine
 * races each command against a 60-second timer it never clears, so `prisma db push` sat idle for a
 * minute after printing "Done". Long timers are unref'd: they still fire while the CLI has work,
 * but no longer keep a finished CLI alive.
 */
const originalSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = function setTimeoutUnrefLong(callback, ms, ...args) {
  const timer = originalSetTimeout.call(this, callback, ms, ...args);
  if (typeof ms === "number" && ms >= 30_000) timer.unref?.();
  return timer;
};
