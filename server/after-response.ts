/**
 * Work that runs after a request has been answered (so its timing reveals nothing, e.g. whether
 * an account exists for a password reset). Tracked here so tests can wait until it has settled
 * before they look at the database.
 */
const pending = new Set<Promise<unknown>>();

export function runAfterResponse(label: string, task: () => Promise<unknown>): Promise<void> {
  const run = task().then(
    () => undefined,
    (error: unknown) => console.error(`${label} failed:`, error),
  );
  pending.add(run);
  void run.finally(() => pending.delete(run));
  return run;
}

/** Resolves once every piece of after-response work started so far (and what it started) is done. */
export async function afterResponseSettled(): Promise<void> {
  while (pending.size) await Promise.allSettled([...pending]);
}
