/**
 * Calls EVERY tRPC procedure as a user and as an admin of tenant B, aimed at tenant A's ids and
 * values, and proves nothing of A leaks out or changes. Procedures are discovered from the router
 * and their inputs generated from their zod schemas, so new procedures are covered automatically.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { afterResponseSettled } from "../../server/after-response";
import { getDb } from "../../server/db/client";
import { callerFor, makePlatformAdmin, makeTenant } from "../support/fixtures";
import {
  attack as attackAll,
  type Caller,
  isInputError,
  isInternal,
  leaksIn,
  MATRIX_PROCEDURES,
  type Outcome,
  procedures,
} from "../support/procedure-matrix";
import type { Victim } from "../support/sample-input";
import { fillTenantData, snapshotTenant, tenantIds } from "../support/tenant-a-data";

let a: Awaited<ReturnType<typeof makeTenant>>;
let b: Awaited<ReturnType<typeof makeTenant>>;
let markers: string[];
let victims: Victim[];
let before: string;

beforeAll(async () => {
  await makePlatformAdmin();
  a = await makeTenant("Alpha Clinic", "alpha.localhost");
  b = await makeTenant("Beta Labs", "beta.localhost");
  await fillTenantData(a.tenant.id, a.user.id, "alpha");
  await fillTenantData(b.tenant.id, b.user.id, "beta");

  const ids = await tenantIds(a.tenant.id);
  const allIds = [...new Set([...ids.values()].flat())];
  const did = await getDb().did.findFirstOrThrow({ where: { tenantId: a.tenant.id } });
  const base = {
    idsByKey: { tenantId: a.tenant.id, userId: a.user.id, ownerId: a.user.id, didId: did.id },
    username: a.admin.username,
    email: a.admin.email,
    hostname: a.hostname,
    phone: did.number,
    text: "Alpha Clinic",
  };
  victims = allIds.map((id) => ({ ...base, id }));
  // Values that must never appear in anything returned to tenant B.
  idMarkers = new Set(allIds);
  markers = [
    ...allIds,
    a.admin.username,
    a.user.username,
    a.admin.email,
    a.hostname,
    did.number,
    "alpha Radiology",
    "alpha-actor",
    "alpha subject",
  ];
  before = await snapshotTenant(a.tenant.id);
});

const attack = (caller: Caller) => attackAll(caller, victims);

/**
 * Each caller attacks once per file (an attack calls every procedure once per victim: the slow
 * part); the checks below all read the same outcomes, whichever block asks first.
 */
const attacks = new Map<() => Promise<Caller>, Promise<Outcome[]>>();
const attackAs = (makeCaller: () => Promise<Caller>) => {
  if (!attacks.has(makeCaller)) attacks.set(makeCaller, makeCaller().then(attack));
  return attacks.get(makeCaller)!;
};
const adminOfB = () => callerFor(b.admin.id, b.hostname);
const userOfB = () => callerFor(b.user.id, b.hostname);
const anonymousOnB = () => callerFor(null, b.hostname);

let idMarkers: Set<string>;

const leaks = (outcome: Outcome) => leaksIn(outcome, markers, idMarkers);

describe.each([
  ["tenant B's admin", adminOfB],
  ["tenant B's user", userOfB],
  ["an anonymous visitor of B's site", anonymousOnB],
])("every procedure called by %s against tenant A", (_who, makeCaller) => {
  let outcomes: Outcome[];

  beforeAll(async () => {
    outcomes = await attackAs(makeCaller);
  }, 120_000);

  it("returns nothing of tenant A", () => {
    const leaked = outcomes.map((o) => ({ path: o.path, leaks: leaks(o) })).filter((o) => o.leaks.length);
    expect(leaked).toEqual([]);
  });

  it("changes nothing of tenant A", async () => {
    await afterResponseSettled();
    expect(await snapshotTenant(a.tenant.id)).toBe(before);
  });

  it("fails cleanly (no internal errors) on foreign ids", () => {
    const internal = outcomes
      .filter((o) => o.error && isInternal(o.error))
      .map((o) => `${o.path}: ${(o.error as Error).message}`);
    expect([...new Set(internal)]).toEqual([]);
  });
});

describe("the generated inputs reach the procedures", () => {
  it("gets past input validation at least once for every procedure tenant B's admin may use", async () => {
    const outcomes = await attackAs(adminOfB);
    const byPath = new Map<string, Outcome[]>();
    for (const o of outcomes) byPath.set(o.path, [...(byPath.get(o.path) ?? []), o]);
    const neverValid = [...byPath.entries()]
      .filter(([, os]) => os.every((o) => isInputError(o.error)))
      .map(([path]) => path);
    // If this fails, teach tests/support/sample-input.ts (or add `.meta({ examples: [...] })`).
    expect(neverValid).toEqual([]);
  }, 120_000);

  it("covers exactly the router's procedures: each is attacked, and each is on the matrix's list", async () => {
    const inRouter = procedures.map(([path]) => path).sort();
    expect(inRouter).toEqual([...MATRIX_PROCEDURES].sort());
    const attacked = new Set((await attackAs(anonymousOnB)).map((o) => o.path));
    expect([...attacked].sort()).toEqual(inRouter);
  }, 120_000);
});
