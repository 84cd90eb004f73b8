/**
 * Reads the settings of the Inngest function objects the runner is given and refuses, at start-up,
 * any function that uses a feature this runner does not implement — better a clear refusal than a
 * function that silently runs without its limits.
 */
import type { InngestFunction } from "inngest";
import { FUNCTION_CANCELLED_EVENT } from "@/server/job/run-controls/cancel-run";
import { type CronSchedule, parseCron } from "./cron";
import { durationMs } from "./durations";
import { parseEqualsText } from "./match-event";
import { DEFAULT_RETRIES, functionId, functionOptions, SDK_EVENTS } from "./sdk-adapter";

export interface ConcurrencyRule {
  limit: number;
  key: KeyExpression | null;
}

export interface ThrottleRule {
  limit: number;
  periodMs: number;
  key: KeyExpression | null;
}

export type KeyExpression = (event: unknown) => string;

export interface RegisteredFunction {
  id: string;
  fn: InngestFunction.Any;
  events: string[];
  /** Trigger conditions (`if`) by event name; an event without one starts a run whenever it arrives. */
  eventConditions: Map<string, (event: unknown) => boolean>;
  crons: { expression: string; schedule: CronSchedule }[];
  maxAttempts: number;
  concurrency: ConcurrencyRule | null;
  throttle: ThrottleRule | null;
  hasOnFailure: boolean;
  cancelOn: CancelRule[];
  rateLimit: (ThrottleRule & { key: KeyExpression | null }) | null;
  debounce: { periodMs: number; timeoutMs: number | null; key: KeyExpression | null } | null;
}

/** A run ends, cancelled, when `event` arrives matching its trigger event at `match` (within `timeoutMs`). */
export interface CancelRule {
  event: string;
  match: string[] | null;
  timeoutMs: number | null;
}

/** The event every onFailure handler listens to (as Inngest names it). */
export const FUNCTION_FAILED_EVENT = SDK_EVENTS.functionFailed;

/**
 * The trigger of a handler for the cancelled runs of `fn` (the same expression works on Inngest): a
 * function that has rows of its own to end ("what cancelled means" for it) listens with it.
 */
export function cancelledRunTrigger(fn: InngestFunction.Any) {
  const id = functionId(fn);
  return { event: FUNCTION_CANCELLED_EVENT, if: `event.data.function_id == '${id}'` } as const;
}

/** Whether `event` starts a run of `fn` (its name is a trigger and the trigger's `if` holds). */
export function triggeredBy(fn: RegisteredFunction, event: { name: string }): boolean {
  if (!fn.events.includes(event.name)) return false;
  const condition = fn.eventConditions.get(event.name);
  return !condition || condition(event);
}

const UNSUPPORTED_OPTIONS = ["batchEvents", "idempotency", "priority", "timeouts", "singleton"] as const;

interface RawOptions {
  id: string;
  triggers?: { event?: string | { name: string }; cron?: string; if?: string }[];
  retries?: number;
  concurrency?: number | { limit: number; key?: string; scope?: string } | { limit: number; key?: string }[];
  throttle?: { limit: number; period: string | number; key?: string; burst?: number };
  rateLimit?: { limit: number; period: string | number; key?: string };
  debounce?: { period: string | number; key?: string; timeout?: string | number };
  cancelOn?: { event: string | { name: string }; match?: string; if?: string; timeout?: string | number }[];
  onFailure?: unknown;
  [option: string]: unknown;
}

/** Keys are expressions over the event; only plain paths (`event.data.tenantId`) are understood. */
export function parseKeyExpression(expression: string, where: string): KeyExpression {
  const match = /^event((?:\.[A-Za-z_][A-Za-z0-9_]*)+)$/.exec(expression.trim());
  if (!match) throw new Error(`${where}: only keys like "event.data.tenantId" are supported, not "${expression}"`);
  const path = match[1]!.slice(1).split(".");
  return (event) => {
    let value: unknown = event;
    for (const part of path)
      value = value && typeof value === "object" ? (value as Record<string, unknown>)[part] : undefined;
    return value === undefined || value === null ? "" : typeof value === "string" ? value : JSON.stringify(value);
  };
}

export function registerFunction(fn: InngestFunction.Any): RegisteredFunction {
  const opts = functionOptions(fn) as RawOptions;
  const id = functionId(fn);
  const refuse = (what: string) =>
    new Error(`The embedded job runner cannot run function "${id}": ${what} is not supported yet.`);

  for (const option of UNSUPPORTED_OPTIONS) if (opts[option] !== undefined) throw refuse(`the "${option}" option`);

  const events: string[] = [];
  const eventConditions = new Map<string, (event: unknown) => boolean>();
  const crons: RegisteredFunction["crons"] = [];
  for (const trigger of opts.triggers ?? []) {
    if (trigger.cron) {
      try {
        crons.push({ expression: trigger.cron, schedule: parseCron(trigger.cron) });
      } catch (error) {
        throw refuse(`its cron trigger (${(error as Error).message})`);
      }
    } else if (trigger.event) {
      const name = typeof trigger.event === "string" ? trigger.event : trigger.event.name;
      if (name.includes("*")) throw refuse(`a wildcard event trigger ("${name}")`);
      if (trigger.if) {
        const condition = parseEqualsText(trigger.if);
        if (!condition)
          throw refuse(`the trigger condition "${trigger.if}" on "${name}" (only event.<path> == 'text')`);
        eventConditions.set(name, condition);
      }
      events.push(name);
    }
  }

  let concurrency: ConcurrencyRule | null = null;
  if (opts.concurrency !== undefined) {
    const rules = Array.isArray(opts.concurrency)
      ? opts.concurrency
      : typeof opts.concurrency === "number"
        ? [{ limit: opts.concurrency }]
        : [opts.concurrency];
    if (rules.length > 1) throw refuse("more than one concurrency limit");
    const rule = rules[0] as { limit: number; key?: string; scope?: string } | undefined;
    if (rule?.scope && rule.scope !== "fn") throw refuse(`a concurrency scope of "${rule.scope}"`);
    if (rule && rule.limit > 0) {
      concurrency = { limit: rule.limit, key: rule.key ? parseKeyExpression(rule.key, `function "${id}"`) : null };
    }
  }

  let throttle: ThrottleRule | null = null;
  if (opts.throttle) {
    if (opts.throttle.burst !== undefined && opts.throttle.burst > 1) throw refuse("a throttle burst");
    throttle = {
      limit: opts.throttle.limit,
      periodMs: durationMs(opts.throttle.period),
      key: opts.throttle.key ? parseKeyExpression(opts.throttle.key, `function "${id}"`) : null,
    };
  }

  const cancelOn: CancelRule[] = (opts.cancelOn ?? []).map((rule) => {
    const event = typeof rule.event === "string" ? rule.event : rule.event.name;
    if (rule.if) throw refuse(`a cancelOn condition ("if") on "${event}"; use "match"`);
    if (rule.timeout !== undefined && typeof rule.timeout !== "string" && typeof rule.timeout !== "number") {
      throw refuse("a cancelOn timeout given as a date");
    }
    return {
      event,
      match: rule.match ? rule.match.split(".") : null,
      timeoutMs: rule.timeout === undefined ? null : durationMs(rule.timeout),
    };
  });

  const keyOf = (expression?: string) => (expression ? parseKeyExpression(expression, `function "${id}"`) : null);
  const rateLimit = opts.rateLimit
    ? { limit: opts.rateLimit.limit, periodMs: durationMs(opts.rateLimit.period), key: keyOf(opts.rateLimit.key) }
    : null;
  const debounce = opts.debounce
    ? {
        periodMs: durationMs(opts.debounce.period),
        timeoutMs: opts.debounce.timeout === undefined ? null : durationMs(opts.debounce.timeout),
        key: keyOf(opts.debounce.key),
      }
    : null;

  return {
    id,
    fn,
    cancelOn,
    rateLimit,
    debounce,
    events,
    eventConditions,
    crons,
    maxAttempts: (opts.retries ?? DEFAULT_RETRIES) + 1,
    concurrency,
    throttle,
    hasOnFailure: typeof opts.onFailure === "function",
  };
}

export function registerFunctions(fns: readonly InngestFunction.Any[]): Map<string, RegisteredFunction> {
  const registry = new Map<string, RegisteredFunction>();
  for (const fn of fns) {
    const registered = registerFunction(fn);
    if (registry.has(registered.id)) throw new Error(`Two job functions share the id "${registered.id}"`);
    registry.set(registered.id, registered);
  }
  return registry;
}
