/**
 * A scoped transaction's settings travel with BEGIN: one round trip fewer, and every query in it
 * still runs as the scoped role in the caller's tenant (row-level security).
 */
process.env.FAXPORT_PROFILE = "1"; // before the modules below read it: spans show the round trips

import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";

const { withScope } = await import("../../server/db/scope");
const { withRequestProfile } = await import("../../server/http/request-profile");
const { makeTenant } = await import("../support/fixtures");

let t: Awaited<ReturnType<typeof makeTenant>>;

beforeAll(async () => {
  t = await makeTenant("Begin Clinic", "begin.localhost");
});

/** Runs `work` as a profiled request and returns its Server-Timing spans by name. */
async function spansOf(work: () => Promise<unknown>) {
  const response = await withRequestProfile("test", async () => {
    await work();
    return new Response(null);
  });
  const header = response.headers.get("server-timing") ?? "";
  return new Map(header.split(", ").map((part) => [part.split(";")[0]!, part] as const));
}

describe("a scoped transaction", () => {
  it("is scoped from its first statement without a separate set_config round trip", async () => {
    let seen: { role: string; tenant: string; platform: string }[] = [];
    const spans = await spansOf(() =>
      withScope({ kind: "tenant", tenantId: t.tenant.id }, async (tx) => {
        seen = await tx.$queryRaw`SELECT current_user::text AS role, current_setting('app.tenant_id') AS tenant,
          current_setting('app.platform') AS platform`;
      }),
    );
    expect(seen).toEqual([{ role: "faxport_scoped", tenant: t.tenant.id, platform: "off" }]);
    expect(spans.has("tx")).toBe(true);
    expect(spans.has("set-config")).toBe(false);
  });

  it("opens no transaction for work that runs no query", async () => {
    const spans = await spansOf(() => withScope({ kind: "platform" }, async () => "nothing to read"));
    expect(spans.has("tx")).toBe(false);
  });

  it("sets the platform scope the same way", async () => {
    let seen: { role: string; platform: string }[] = [];
    await withScope({ kind: "platform" }, async (tx) => {
      seen = await tx.$queryRaw`SELECT current_user::text AS role, current_setting('app.platform') AS platform`;
    });
    expect(seen).toEqual([{ role: "faxport_scoped", platform: "on" }]);
  });
});

/**
 * server/db/scoped-begin.ts rewrites the BEGIN that @prisma/adapter-pg sends — as
 * `client.query({ text: "BEGIN", values: [] … }, [])` on a client of the pg.Pool it was given — and
 * hooks that pool's "connect" event. Neither is a documented promise of either package. The first
 * test above fails if the rewrite stops applying; these fail on any upgrade, so that whoever
 * upgrades reads both packages' transaction code again before moving the pins.
 */
describe("what the scoped BEGIN relies on", () => {
  const versionOf = (pkg: string) =>
    (JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, "utf8")) as { version: string }).version;

  it("is the @prisma/adapter-pg it was checked against", () => {
    expect(versionOf("@prisma/adapter-pg"), "re-check PrismaPgAdapter.startTransaction, then move this pin").toBe(
      "6.19.3",
    );
  });

  it("is the pg it was checked against", () => {
    expect(versionOf("pg"), "re-check Pool's connect event and Client.query, then move this pin").toBe("8.23.1");
    expect(versionOf("pg-pool"), "re-check Pool's connect event, then move this pin").toBe("3.14.0");
  });
});
