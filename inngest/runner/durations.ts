/**
 * The SDK reports a sleep as a duration in its own short form ("1h30m", "45s") or an ISO time
 * (sleepUntil); timeouts and throttle periods use the same short form or `ms`-style strings.
 */
const UNIT_MS: Record<string, number> = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000, ms: 1 };

export function parseDuration(text: string): number {
  const trimmed = text.trim();
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)\s*(ms|w|d|h|m|s)/g)];
  if (!parts.length || parts.map((p) => p[0]).join("") !== trimmed.replace(/\s+/g, "")) {
    throw new Error(`Cannot read the duration "${text}"`);
  }
  return parts.reduce((sum, [, n, unit]) => sum + Number(n) * UNIT_MS[unit as string]!, 0);
}

export function durationMs(value: string | number): number {
  return typeof value === "number" ? value : parseDuration(value);
}

/** When a sleep reported as `name` ends, measured from `from`. */
export function sleepEnd(name: string, from: Date): Date {
  if (/^\d{4}-\d{2}-\d{2}T/.test(name)) return new Date(name);
  return new Date(from.getTime() + parseDuration(name));
}
