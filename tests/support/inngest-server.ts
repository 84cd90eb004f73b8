/**
 * A small stand-in for an Inngest server, speaking the SDK's own HTTP protocol (inngest 4,
 * inngest/components/InngestCommHandler.js and inngest/helpers/net.js) to the app's real /api/inngest handlers:
 * - an event API (`POST /e/<event key>`, where the app's client sends events) that records them;
 * - an executor that drives one run the way Inngest does: a signed POST
 *   `?fnId=<app>-<function>&stepId=step` with `{event, events, steps, ctx: {run_id, attempt, stack}, version}`;
 *   a 206 answer lists step opcodes (StepRun with its result, StepError to retry, StepFailed, Sleep,
 *   StepPlanned), whose results are stored and sent back in `steps` on the next request, until a
 *   200 (the function's result) or a final error. Sleeps end at once (the test's clock is not Inngest's).
 * Requests are signed as the SDK checks them: HMAC-SHA256, keyed with the signing key without its
 * `signkey-<env>-` prefix, over the canonical JSON of the body followed by the unix time; answers
 * carry the same kind of signature, which is checked too.
 * Not modelled: checkpointing (the SDK runs several steps per request and posts their results to
 * Inngest's API when the request carries `ctx.fn_id`); without `fn_id` it answers step by step.
 */
import { createHmac, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";

type StepResult = { type: "data"; data: unknown } | { type: "error"; error: unknown };
export type Op = {
  id: string;
  op: string;
  name?: string;
  displayName?: string;
  data?: unknown;
  error?: { message?: string; name?: string };
};
export interface ReceivedEvent {
  id: string;
  name: string;
  data: Record<string, unknown>;
  ts: number;
}
/** A POST handler of app/api/inngest/route.ts. */
export type RouteHandler = (request: Request) => Promise<Response>;

/** JSON with sorted keys and no spaces (what the SDK signs: the `canonicalize` package's form). */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonical(v))).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function signature(body: string, signingKey: string, at = Math.round(Date.now() / 1000)): string {
  const key = signingKey.replace(/^signkey-[\w]+-/, "");
  return `t=${at}&s=${createHmac("sha256", key).update(body).update(String(at)).digest("hex")}`;
}

export interface Exchange {
  request: string;
  status: number;
  response: string;
}

export interface RunHooks {
  /**
   * Called with each answer before the server keeps it; return "lose" to drop it, as when the
   * process dies after a step committed but before its answer reached Inngest: the same request
   * is then sent again.
   */
  onAnswer?: (ops: Op[], request: number) => "keep" | "lose" | Promise<"keep" | "lose">;
  maxAttempts?: number;
}

export interface RunOutcome {
  status: "completed" | "failed";
  result: unknown;
  /** Results of completed steps by display name, as Inngest holds them. */
  steps: Record<string, unknown>;
  /** How often each step's answer was a retriable error. */
  retries: Record<string, number>;
  requests: number;
}

export class FakeInngest {
  readonly events: ReceivedEvent[] = [];
  /** Every request body and answer exchanged with the app, for looking through what Inngest would hold. */
  readonly exchanges: Exchange[] = [];
  private server: Server | null = null;

  constructor(
    private readonly signingKey: string,
    private readonly appId = "faxport",
  ) {}

  /** Starts the event API; returns its base URL (for INNGEST_BASE_URL). */
  async listen(): Promise<string> {
    this.server = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        if (req.method !== "POST" || !/^\/e\/[^/]+$/.test(req.url ?? "")) {
          res.writeHead(404).end();
          return;
        }
        const sent = JSON.parse(body) as Partial<ReceivedEvent>[];
        const ids = sent.map((e) => e.id ?? randomUUID());
        sent.forEach((e, i) => {
          this.events.push({ id: ids[i]!, name: String(e.name), data: e.data ?? {}, ts: e.ts ?? Date.now() });
        });
        this.exchanges.push({ request: body, status: 200, response: "" });
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ids, status: 200 }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as { port: number };
    return `http://127.0.0.1:${port}/`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Drives one run of `functionId` (e.g. "send-fax", or "send-fax-failure" for its onFailure) to its end. */
  async run(post: RouteHandler, functionId: string, event: ReceivedEvent, hooks: RunHooks = {}): Promise<RunOutcome> {
    const runId = `01J${randomUUID().replace(/-/g, "").slice(0, 23).toUpperCase()}`;
    const steps: Record<string, StepResult> = {};
    const order: string[] = [];
    const names: Record<string, string> = {};
    const retries: Record<string, number> = {};
    const maxAttempts = hooks.maxAttempts ?? 4;
    let attempt = 0;
    let requestedStep = "step";
    for (let request = 1; request <= 500; request++) {
      const payload = {
        ctx: {
          attempt,
          disable_immediate_execution: false,
          max_attempts: maxAttempts,
          run_id: runId,
          stack: { current: Math.max(order.length - 1, 0), stack: [...order] },
          use_api: false,
        },
        event: { ...event, ts: event.ts },
        events: [event],
        steps,
        version: 2,
      };
      const body = canonical(payload);
      const url = `http://localhost/api/inngest?fnId=${this.appId}-${functionId}&stepId=${encodeURIComponent(requestedStep)}`;
      const res = await post(
        new Request(url, {
          method: "POST",
          body,
          headers: { "content-type": "application/json", "x-inngest-signature": signature(body, this.signingKey) },
        }),
      );
      const text = await res.text();
      this.exchanges.push({ request: body, status: res.status, response: text });
      this.checkAnswerSignature(res, text);
      if (res.status === 200) {
        return {
          status: "completed",
          result: JSON.parse(text),
          steps: this.byName(steps, names),
          retries,
          requests: request,
        };
      }
      if (res.status !== 206) {
        // The function threw outside a step: Inngest retries the request unless told not to.
        const noRetry = res.headers.get("x-inngest-no-retry") === "true";
        if (noRetry || attempt + 1 >= maxAttempts) {
          return {
            status: "failed",
            result: JSON.parse(text),
            steps: this.byName(steps, names),
            retries,
            requests: request,
          };
        }
        attempt++;
        continue;
      }
      const ops = JSON.parse(text) as Op[];
      if ((await hooks.onAnswer?.(ops, request)) === "lose") continue;
      requestedStep = "step";
      for (const op of ops) {
        const name = op.displayName ?? op.name ?? op.id;
        names[op.id] = name;
        if (op.op === "StepRun") {
          steps[op.id] = { type: "data", data: op.data ?? null };
          order.push(op.id);
          attempt = 0;
        } else if (op.op === "Sleep") {
          steps[op.id] = { type: "data", data: null };
          order.push(op.id);
        } else if (op.op === "StepError") {
          retries[name] = (retries[name] ?? 0) + 1;
          attempt++;
        } else if (op.op === "StepFailed") {
          steps[op.id] = { type: "error", error: op.error };
          order.push(op.id);
          attempt = 0;
        } else if (op.op === "StepPlanned") {
          requestedStep = op.id;
        } else {
          throw new Error(`The stand-in Inngest server does not handle the opcode ${op.op}`);
        }
      }
    }
    throw new Error("The run did not end within 500 requests");
  }

  private byName(steps: Record<string, StepResult>, names: Record<string, string>): Record<string, unknown> {
    return Object.fromEntries(
      Object.entries(steps).map(([id, s]) => [names[id] ?? id, s.type === "data" ? s.data : s.error]),
    );
  }

  /** The SDK signs its answers with the key that verified the request (HMAC of the body as sent). */
  private checkAnswerSignature(res: Response, text: string): void {
    const header = res.headers.get("x-inngest-signature");
    if (!header) throw new Error(`The answer (${res.status}) carries no x-inngest-signature`);
    const at = Number(new URLSearchParams(header).get("t"));
    if (signature(text, this.signingKey, at) !== header) throw new Error("The answer's signature does not verify");
  }
}
