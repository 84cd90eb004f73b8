/**
 * /api/inngest as an Inngest server calls it: requests signed with the signing key (HMAC-SHA256 of
 * the body and a timestamp) are answered; unsigned or wrongly signed step requests are refused.
 */
import { createHmac, randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";

const key = randomBytes(32).toString("hex");
process.env.INNGEST_SIGNING_KEY = `signkey-test-${key}`;

let route: typeof import("../../../app/api/inngest/route");
beforeAll(async () => {
  route = await import("../../../app/api/inngest/route");
});

/** JSON with sorted keys and no spaces: the form the SDK signs and checks. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function sign(body: string, signingKey = key, at = Math.round(Date.now() / 1000)) {
  const s = createHmac("sha256", signingKey).update(body).update(String(at)).digest("hex");
  return `t=${at}&s=${s}`;
}

const base = "http://localhost:3000/api/inngest";

/** Calls a route handler the way Next.js does for a plain request. */
const call = (handler: unknown, request: Request) => (handler as (req: Request) => Promise<Response>)(request);

function stepRequest(signature?: string) {
  const payload = {
    ctx: {
      attempt: 0,
      disable_immediate_execution: false,
      run_id: "01JRUNIDFORTESTING0000000",
      stack: { current: 0, stack: [] },
      use_api: false,
    },
    event: { data: { cron: "TZ=UTC 17 3 * * *" }, name: "inngest/scheduled.timer", ts: Date.now() },
    events: [{ data: { cron: "TZ=UTC 17 3 * * *" }, name: "inngest/scheduled.timer", ts: Date.now() }],
    steps: {},
    version: 2,
  };
  const body = canonical(payload);
  return new Request(`${base}?fnId=faxport-prune-auth-records&stepId=step`, {
    method: "POST",
    body,
    headers: {
      "content-type": "application/json",
      ...(signature === undefined
        ? { "x-inngest-signature": sign(body) }
        : signature
          ? { "x-inngest-signature": signature }
          : {}),
    },
  });
}

describe("/api/inngest with a signing key", () => {
  it("answers a signed introspection with the app's functions", async () => {
    const res = await call(route.GET, new Request(base, { headers: { "x-inngest-signature": sign("") } }));
    expect(res.status).toBe(200);
    const body = await res.json();
    const { functions } = await import("../../../inngest/functions");
    // Inngest counts a function's onFailure handler as a function of its own.
    const count = functions.length + functions.filter((f) => (f.opts as { onFailure?: unknown }).onFailure).length;
    expect(body).toMatchObject({ authentication_succeeded: true, function_count: count, mode: "cloud" });
  });

  it("tells an unsigned introspection nothing about the app", async () => {
    const res = await call(route.GET, new Request(base));
    const body = await res.json();
    expect(body.authentication_succeeded).not.toBe(true);
    expect(JSON.stringify(body)).not.toContain("prune-auth-records");
  });

  it("runs a step for a signed request", async () => {
    const res = await call(route.POST, stepRequest());
    expect(res.status).toBe(206);
    const ops = await res.json();
    expect(ops).toMatchObject([{ op: "StepRun", displayName: "delete-old-sign-in-records" }]);
  });

  it("refuses an unsigned step request and one signed with another key", async () => {
    const unsigned = await call(route.POST, stepRequest(""));
    expect(unsigned.status).toBe(401);
    const body = canonical({ x: 1 });
    const forged = await call(route.POST, stepRequest(sign(body, randomBytes(32).toString("hex"))));
    expect(forged.status).toBe(401);
  });
});
