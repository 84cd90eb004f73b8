/**
 * The one place the embedded runner touches the Inngest SDK's insides: its execution engine, the
 * op codes it reports, protected fields of function objects, its error serializer, the request its
 * client sends events with, the names of its own events. These are not public API; they hold for
 * the pinned `inngest` version, and tests/unit/runner/sdk-adapter.test.ts runs each operation
 * below against real SDK functions, so an upgrade that changes them fails there first.
 *
 * The rest of the runner speaks only the narrow types here: a function's id and options, and what
 * one stepwise execution asks for next (a step's result, a sleep, a wait, an invoke, the end).
 */
import type { InngestFunction } from "inngest";
import { errors, type InngestExecution } from "inngest/internals";
import { StepMode, StepOpCode } from "inngest/types";

/** The SDK version this adapter was written and checked against (see the contract test). */
export const PINNED_SDK_VERSION = "4.24.0";

/** What a function gets when it sets no `retries` (the SDK's defaultMaxRetries). */
export const DEFAULT_RETRIES = 3;

/** Events Inngest itself sends, by the names and payloads the SDK's handlers expect. */
export const SDK_EVENTS = {
  /** A run used up its retries: `{ function_id, run_id, error, event }`; drives onFailure. */
  functionFailed: "inngest/function.failed",
  /** A run was cancelled: `{ function_id, run_id, event, error }`. */
  functionCancelled: "inngest/function.cancelled",
  /** The trigger event of a run started by step.invoke (its data is the invoke's payload data). */
  functionInvoked: "inngest/function.invoked",
  /** The trigger event of a cron run: `{ cron }`. */
  scheduledTimer: "inngest/scheduled.timer",
} as const;

/** The SDK's own error for a step.invoke that timed out, as it is memoized for the waiting step. */
export const INVOKE_TIMEOUT_ERROR = {
  name: "InngestInvokeTimeoutError",
  message: "Timed out waiting for the invoked function to finish",
} as const;

/** A function's id as Inngest knows it: `<app id>-<function id>` (a protected getter). */
export function functionId(fn: InngestFunction.Any): string {
  return (fn as unknown as { absoluteId: string }).absoluteId;
}

/**
 * The options the function was created with, as the SDK keeps them (its public `opts`, typed by
 * the function's generics; function-registry.ts reads the ones the runner implements).
 */
export function functionOptions(fn: InngestFunction.Any): Record<string, unknown> {
  return fn.opts as unknown as Record<string, unknown>;
}

/** The `fetch` the function's client was created with (a protected field of the function). */
export function clientFetch(fn: InngestFunction.Any): unknown {
  return (fn as unknown as { client: { options: { fetch?: unknown } } }).client.options.fetch;
}

/** An error as the SDK stores it (`{ name, message, stack, … }`); an already-serialized one is kept. */
export function serializeError(error: unknown): unknown {
  if (error && typeof error === "object" && "message" in error && !(error instanceof Error)) return error;
  return errors.serializeError(error);
}

// ── events the client sends ──────────────────────────────────────────────────────────────────
// The app's own client lives in server/ (server/job/inngest-client.ts), which may not import this
// file; the wire format of its send request is read there, and checked here by the contract test.
export { readSentEvents, type SentEvent, sentEventsResponse } from "@/server/job/inngest-send-request";

// ── stepwise execution ───────────────────────────────────────────────────────────────────────

/** A step already ended, by hashed id: its result, or the error it ended with. */
export type MemoizedStep = { id: string; data: unknown } | { id: string; error: unknown };

export interface StepwiseInput {
  fn: InngestFunction.Any;
  /** "failure" runs the function's onFailure handler with an `inngest/function.failed` event. */
  kind: "main" | "failure";
  runId: string;
  event: Record<string, unknown>;
  attempt: number;
  maxAttempts: number;
  steps: MemoizedStep[];
  /** Run exactly this planned step (by hashed id) and report its result. */
  requestedStep?: string;
}

/** A step body that ran; step.sendEvent runs as a step too. */
export interface RanStep {
  id: string;
  name: string;
  op: "StepRun" | "SendEvent";
}

/** A step the function reached that the runner must do something about before it goes on. */
export type FoundStep =
  /** `until` is the SDK's duration ("1h30m") or, for sleepUntil, an ISO time; durations.sleepEnd reads both. */
  | { kind: "sleep"; id: string; name: string; until: string }
  | { kind: "wait"; id: string; name: string; event: string; timeout: string; if?: string }
  | { kind: "invoke"; id: string; name: string; functionId: string; data: Record<string, unknown>; timeout?: string }
  /** A step.run body to run next (ask for it with `requestedStep`). */
  | { kind: "planned"; id: string; name: string }
  /** `what` names the feature for a refusal ("step.ai.infer"). */
  | { kind: "unsupported"; id: string; name: string; what: string };

/** What one stepwise execution reports. Errors are serialized, ready to store. */
export type StepwiseResult =
  | { kind: "step-done"; step: RanStep; data: unknown }
  /** The step ended in an error for good (retries used up, or NonRetriableError); later replays see it thrown. */
  | { kind: "step-failed"; step: RanStep; error: unknown }
  /** This attempt of the step failed and may be retried; `retryAfter` when it asked for a time (RetryAfterError). */
  | { kind: "step-error"; step: RanStep; error: unknown; retryAfter?: string }
  | { kind: "steps-found"; steps: FoundStep[] }
  | { kind: "complete"; output: unknown }
  | { kind: "error"; error: unknown; retriable: boolean; retryAfter?: string }
  | { kind: "unexpected"; what: string };

type EngineResult = InngestExecution.ExecutionResult;
type CreateExecution = (opts: { partialOptions: Record<string, unknown> }) => { start(): Promise<EngineResult> };
type EngineStep = Extract<EngineResult, { type: "step-ran" }>["step"];

/**
 * One call into the SDK's execution engine, the way an Inngest server's request would drive it:
 * the engine replays the function, skips every memoized step, and reports the next thing to do.
 */
export async function executeStepwise(input: StepwiseInput): Promise<StepwiseResult> {
  const execution = (input.fn as unknown as { createExecution: CreateExecution }).createExecution({
    partialOptions: {
      client: (input.fn as unknown as { client: unknown }).client,
      runId: input.runId,
      stepMode: StepMode.Async,
      data: {
        event: input.event,
        events: [input.event],
        runId: input.runId,
        attempt: input.attempt,
        maxAttempts: input.maxAttempts,
      },
      stepState: Object.fromEntries(input.steps.map((s) => [s.id, s])),
      stepCompletionOrder: input.steps.map((s) => s.id),
      requestedRunStep: input.requestedStep,
      handlerKind: input.kind,
      reqArgs: [],
      headers: {},
    },
  });
  return readResult(await execution.start());
}

function readResult(result: EngineResult): StepwiseResult {
  switch (result.type) {
    case "step-ran": {
      const step = ranStep(result.step);
      if (result.step.op === StepOpCode.StepError) {
        return { kind: "step-error", step, error: serializeError(result.step.error), ...retryAfter(result.retriable) };
      }
      if (result.step.op === StepOpCode.StepFailed) {
        return { kind: "step-failed", step, error: serializeError(result.step.error) };
      }
      return { kind: "step-done", step, data: result.step.data ?? null };
    }
    case "steps-found":
      return { kind: "steps-found", steps: result.steps.map(foundStep) };
    case "function-resolved":
      return { kind: "complete", output: result.data };
    case "function-rejected":
      return {
        kind: "error",
        error: serializeError(result.error),
        retriable: !!result.retriable,
        ...retryAfter(result.retriable),
      };
    default:
      return { kind: "unexpected", what: result.type };
  }
}

const retryAfter = (retriable: boolean | string | undefined) =>
  typeof retriable === "string" ? { retryAfter: retriable } : {};

function ranStep(step: EngineStep): RanStep {
  const op = (step.opts as { type?: string } | undefined)?.type === "step.sendEvent" ? "SendEvent" : "StepRun";
  return { id: step.id, name: step.displayName ?? step.name ?? step.id, op };
}

function foundStep(step: EngineStep): FoundStep {
  const id = step.id;
  const name = step.displayName ?? step.id;
  switch (step.op) {
    case StepOpCode.Sleep:
      // The SDK puts a sleep's duration (or sleepUntil's time) in the op's legacy `name`.
      return { kind: "sleep", id, name, until: String(step.name) };
    case StepOpCode.WaitForEvent: {
      const opts = (step.opts ?? {}) as { timeout?: string; if?: string };
      return {
        kind: "wait",
        id,
        name,
        event: String(step.name),
        timeout: String(opts.timeout),
        ...(opts.if ? { if: opts.if } : {}),
      };
    }
    case StepOpCode.InvokeFunction: {
      const opts = (step.opts ?? {}) as { function_id?: string; payload?: { data?: unknown }; timeout?: string };
      return {
        kind: "invoke",
        id,
        name,
        functionId: String(opts.function_id),
        data: (opts.payload?.data ?? {}) as Record<string, unknown>,
        ...(opts.timeout ? { timeout: opts.timeout } : {}),
      };
    }
    case StepOpCode.StepPlanned:
      return { kind: "planned", id, name };
    case StepOpCode.AiGateway:
      return { kind: "unsupported", id, name, what: "step.ai.infer" };
    default:
      return { kind: "unsupported", id, name, what: `the step operation "${step.op}"` };
  }
}
