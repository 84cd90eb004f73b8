/**
 * One call into the Inngest SDK's own execution engine, the way an Inngest server's request would
 * drive it: the run's event, its attempt, and the results of the steps already completed. The
 * engine replays the function, skips every memoized step, and reports the next thing to do.
 * These are SDK internals (pinned `inngest` version); tests/integration/runner covers them.
 */
import type { InngestFunction } from "inngest";
import type { InngestExecution } from "inngest/internals";
import { StepMode } from "inngest/types";

export type MemoizedStep = { id: string; data: unknown } | { id: string; error: unknown };

export interface DriveInput {
  fn: InngestFunction.Any;
  kind: "main" | "failure";
  runId: string;
  event: Record<string, unknown>;
  attempt: number;
  maxAttempts: number;
  steps: MemoizedStep[];
  /** Run exactly this (planned) step, by hashed id. */
  requestedStep?: string;
}

export type EngineResult = InngestExecution.ExecutionResult;

export async function driveFunction(input: DriveInput): Promise<EngineResult> {
  const stepState = Object.fromEntries(input.steps.map((s) => [s.id, s]));
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
      stepState,
      stepCompletionOrder: input.steps.map((s) => s.id),
      requestedRunStep: input.requestedStep,
      handlerKind: input.kind,
      reqArgs: [],
      headers: {},
    },
  });
  return execution.start();
}

type CreateExecution = (opts: { partialOptions: Record<string, unknown> }) => { start(): Promise<EngineResult> };
