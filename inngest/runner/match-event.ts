/**
 * The event-matching expressions the runner reads: `event.<path> == async.<path>` (what the SDK
 * makes of waitForEvent's and cancelOn's `match`), where `event` is the run's trigger event and
 * `async` the arriving one; and, for a trigger's `if`, `event.<path> == '<text>'` (how a function
 * picks the `inngest/function.cancelled` events of one function). Anything else is refused, never
 * guessed at.
 */
export interface MatchRule {
  original: string[];
  incoming: string[];
}

const PATH = "((?:\\.[A-Za-z_][A-Za-z0-9_]*)+)";

export function parseMatch(expression: string): MatchRule | null {
  const forward = new RegExp(`^\\s*event${PATH}\\s*==\\s*async${PATH}\\s*$`).exec(expression);
  if (forward) return { original: forward[1]!.slice(1).split("."), incoming: forward[2]!.slice(1).split(".") };
  const backward = new RegExp(`^\\s*async${PATH}\\s*==\\s*event${PATH}\\s*$`).exec(expression);
  if (backward) return { original: backward[2]!.slice(1).split("."), incoming: backward[1]!.slice(1).split(".") };
  return null;
}

export function valueAt(value: unknown, path: readonly string[]): unknown {
  let at = value;
  for (const part of path) at = at && typeof at === "object" ? (at as Record<string, unknown>)[part] : undefined;
  return at;
}

/** Equal as JSON values; a missing value matches nothing (as in Inngest's expressions). */
export function matches(rule: MatchRule, original: unknown, incoming: unknown): boolean {
  const a = valueAt(original, rule.original);
  const b = valueAt(incoming, rule.incoming);
  return a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/** A trigger condition `event.<path> == 'text'` (or "text"), or null when it is not of that form. */
export function parseEqualsText(expression: string): ((event: unknown) => boolean) | null {
  const found = new RegExp(`^\\s*event${PATH}\\s*==\\s*(?:'([^'\\\\]*)'|"([^"\\\\]*)")\\s*$`).exec(expression);
  if (!found) return null;
  const path = found[1]!.slice(1).split(".");
  const text = found[2] ?? found[3]!;
  return (event) => valueAt(event, path) === text;
}
