/**
 * Isolation inside one tenant, generated like the tenant-against-tenant matrix
 * (tenant-isolation.test.ts): every procedure of the router is called
 *  - by a plain user (A2) with the ids and values of another plain user (A1) of the same tenant,
 *    who owns a row in every table with an owner column — roles: every procedure above a user
 *    answers FORBIDDEN; owners: nothing of A1's leaks out or changes;
 *  - by a tenant's admin with the platform's ids (trunk, pool DID, platform admin, platform
 *    mail and audit) — every platform procedure answers FORBIDDEN and no platform row changes;
 *  - anonymously on the tenant's own site — every signed-in procedure answers UNAUTHORIZED.
 * The role a procedure needs is read from the builder it was made with (server/trpc/init.ts),
 * and what changed is checked after each procedure, so a failure names the procedure and the rows.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { afterResponseSettled } from "../../server/after-response";
import { getDb } from "../../server/db/client";
import { platformHosts } from "../../server/env";
import { callerFor, makePlatformAdmin, makeTenant, makeUser } from "../support/fixtures";
import {
  ACCESS_OF_BUILDER,
  type Access,
  accessOf,
  attack,
  builderNames,
  type Caller,
  codeOf,
  idsByKeyFrom,
  isInputError,
  isInternal,
  leaksIn,
  mayCall,
  type Outcome,
  procedures,
} from "../support/procedure-matrix";
import type { Victim } from "../support/sample-input";
import {
  allIds,
  type DatabaseSnapshot,
  diffSnapshots,
  fillTenantData,
  ownedRows,
  ownerColumnsByTable,
  snapshotDatabase,
} from "../support/tenant-a-data";

/**
 * Procedures that by design show or change another user's rows of the same tenant. Keep this
 * short; each entry names the tables it may change and says why.
 */
const SHARED_BY_DESIGN: Record<string, { mayChange: string[]; why: string }> = {
  "auth.requestPasswordReset": {
    mayChange: ["PasswordResetToken", "MailMessage", "SignInThrottle"],
    why:
      "anyone may ask for a reset link for any account of the site; it is mailed to the account's own address, " +
      "and requests are counted (per login and per person) to rate-limit them",
  },
  "fax.setResultEmail": {
    mayChange: ["User"],
    why: "a person's own choice of result emails, stored on their own account: it takes no id, so it reaches no one else's",
  },
};

const access = new Map(procedures.map(([path, p]) => [path, accessOf(path, p)]));

let a: Awaited<ReturnType<typeof makeTenant>>;
/** The tenant whose admin tries the platform (its own, so the other blocks' outcomes cannot spill over). */
let b: Awaited<ReturnType<typeof makeTenant>>;
let a1: { id: string; username: string };
let a2: { id: string };
let ownerMarkers: string[];
let ownerIdMarkers: Set<string>;
let platformMarkers: string[];
let platformIdMarkers: Set<string>;
let ownerVictims: Victim[];
let platformVictims: Victim[];

beforeAll(async () => {
  const db = getDb();
  const root = await makePlatformAdmin();
  await db.trunk.create({ data: { name: "Platform Carrier", host: "sip.platform.test" } });
  const poolDid = await db.did.create({ data: { number: "+12125550999", title: "platform pool line" } });
  await db.mailMessage.create({
    data: { to: "ops@platform.test", subject: "platform subject", text: "t", html: "h", transport: "outbox" },
  });
  await db.auditLog.create({ data: { actorId: root.id, actorName: "platform-actor", action: "x", entityType: "X" } });

  a = await makeTenant("Alpha Clinic", "alpha.localhost");
  b = await makeTenant("Beta Labs", "beta.localhost");
  a1 = a.user;
  a2 = await makeUser(a.tenant.id, "alpha-second-user");
  await fillTenantData(a.tenant.id, a1.id, "alpha");
  await callerFor(a1.id, a.hostname); // A1 has a session too: sessions are owned rows

  const owned = await ownedRows(a1.id);
  ownerIdMarkers = owned.ids;
  ownerMarkers = [...owned.ids, ...owned.names];
  const ids = await allIds();
  // A1's rows first, so `didId`, `documentId`… point at A1's.
  const ownedFirst = new Map(
    [...ids].map(([t, list]) => [
      t,
      [...list.filter((i) => owned.ids.has(i)), ...list.filter((i) => !owned.ids.has(i))],
    ]),
  );
  const a1Did = owned.rowsByTable.get("Did")![0]!;
  const ownerBase = {
    idsByKey: idsByKeyFrom(ownedFirst, { tenantId: a.tenant.id, userId: a1.id, ownerId: a1.id }),
    username: a1.username,
    email: (owned.rowsByTable.get("User")![0]!.email as string) ?? "",
    hostname: a.hostname,
    phone: a1Did.number as string,
    // Document names are ciphertext now; the campaign's name is A1's own plain text.
    text: owned.rowsByTable.get("Campaign")![0]!.name as string,
  };
  ownerVictims = [...ids.values()].flat().map((id) => ({ ...ownerBase, id }));

  const platformIds = [root.id, poolDid.id, ...(await db.trunk.findMany()).map((t) => t.id)];
  for (const table of ["MailMessage", "AuditLog"] as const) {
    const rows = await db.$queryRawUnsafe<{ id: string }[]>(`SELECT id::text FROM "${table}" WHERE "tenantId" IS NULL`);
    platformIds.push(...rows.map((r) => r.id));
  }
  platformIdMarkers = new Set(platformIds);
  platformMarkers = [
    ...platformIds,
    root.username,
    root.email,
    "Platform Carrier",
    "sip.platform.test",
    poolDid.number,
    "platform pool line",
    "platform subject",
    "platform-actor",
  ];
  const trunk = await db.trunk.findFirstOrThrow();
  const platformBase = {
    idsByKey: { tenantId: b.tenant.id, userId: root.id, ownerId: root.id, didId: poolDid.id, trunkId: trunk.id },
    username: root.username,
    email: root.email,
    hostname: platformHosts()[0]!,
    phone: poolDid.number,
    text: "Platform Carrier",
  };
  platformVictims = platformIds.map((id) => ({ ...platformBase, id }));
});

/** Calls every procedure, recording after each what it changed in the rows `keep` selects. */
async function attackRecordingChanges(
  caller: Caller,
  victims: Victim[],
  keep: (table: string, row: Record<string, unknown>) => boolean,
) {
  const changes: string[] = [];
  let before: DatabaseSnapshot = await snapshotDatabase();
  const outcomes = await attack(caller, victims, async (path) => {
    await afterResponseSettled(); // work a procedure left running after its answer belongs to it
    const after = await snapshotDatabase();
    const allowed = SHARED_BY_DESIGN[path]?.mayChange ?? [];
    const lines = diffSnapshots(before, after, keep).filter((l) => !allowed.includes(l.split(":")[0]!));
    changes.push(...lines.map((l) => `${path} → ${l}`));
    before = after;
  });
  return { outcomes, changes };
}

/** Procedures above `role` that did not refuse every call with `code`, with what they answered. */
function notRefused(outcomes: Outcome[], role: Access, code: "FORBIDDEN" | "UNAUTHORIZED") {
  const wrong = outcomes
    .filter((o) => !mayCall(role, access.get(o.path)!) && codeOf(o) !== code)
    .map((o) => `${o.path} (needs ${access.get(o.path)}) answered ${codeOf(o)}`);
  return [...new Set(wrong)];
}

function internalErrors(outcomes: Outcome[]) {
  const internal = outcomes.filter((o) => o.error && isInternal(o.error));
  return [...new Set(internal.map((o) => `${o.path}: ${(o.error as Error).message}`))];
}

/** What leaked, one entry per procedure: `path: marker, marker…`. */
function leaks(outcomes: Outcome[], markers: string[], idMarkers: Set<string>) {
  const byPath = new Map<string, Set<string>>();
  for (const o of outcomes) {
    if (SHARED_BY_DESIGN[o.path]) continue;
    for (const m of leaksIn(o, markers, idMarkers)) byPath.set(o.path, (byPath.get(o.path) ?? new Set()).add(m));
  }
  return [...byPath].map(([path, found]) => `${path} showed ${[...found].join(", ")}`);
}

/**
 * Procedures `role` may call that no generated input ever got into (each call refused by input
 * validation or a sign-in/role check): for those the matrix would prove nothing.
 */
function neverReached(outcomes: Outcome[], role: Access) {
  const refused = (o: Outcome) => isInputError(o.error) || ["FORBIDDEN", "UNAUTHORIZED"].includes(codeOf(o));
  const paths = [...new Set(outcomes.map((o) => o.path))].filter((p) => mayCall(role, access.get(p)!));
  return paths.filter((p) => outcomes.filter((o) => o.path === p).every(refused));
}

describe("the matrix knows every procedure's role and every owned table", () => {
  it("maps every procedure builder of server/trpc/init.ts to a role", () => {
    expect(builderNames().sort()).toEqual(Object.keys(ACCESS_OF_BUILDER).sort());
  });

  it("finds procedures for every level of access", () => {
    const levels = new Set(access.values());
    expect([...levels].sort()).toEqual(["PLATFORM_ADMIN", "TENANT_ADMIN", "USER", "public"]);
  });

  it("names only existing procedures as shared by design", () => {
    expect(Object.keys(SHARED_BY_DESIGN).filter((p) => !access.has(p))).toEqual([]);
  });

  it("gives A1 a row in every table with an owner column (teach tests/support/tenant-a-data.ts a new one)", async () => {
    const owned = await ownedRows(a1.id);
    const tables = [...(await ownerColumnsByTable()).keys()];
    expect(tables.filter((t) => !owned.rowsByTable.get(t)?.length)).toEqual([]);
  });
});

describe("a plain user (A2) calling every procedure with another user's (A1's) ids and values", () => {
  let outcomes: Outcome[];
  let changes: string[];

  beforeAll(async () => {
    ({ outcomes, changes } = await attackRecordingChanges(
      await callerFor(a2.id, a.hostname),
      ownerVictims,
      () => true,
    ));
  }, 120_000);

  it("is refused every tenant-admin and platform procedure", () => {
    expect(notRefused(outcomes, "USER", "FORBIDDEN")).toEqual([]);
  });

  it("sees nothing of A1's rows (ids, names)", () => {
    expect(leaks(outcomes, ownerMarkers, ownerIdMarkers)).toEqual([]);
  });

  it("changes nothing in the database", () => {
    expect(changes).toEqual([]);
  });

  it("fails cleanly (no internal errors)", () => {
    expect(internalErrors(outcomes)).toEqual([]);
  });

  it("reaches every procedure a user may call (past input validation and sign-in)", () => {
    expect(neverReached(outcomes, "USER")).toEqual([]);
  });
});

describe("a tenant's admin calling every procedure with the platform's ids and values", () => {
  let outcomes: Outcome[];
  let changes: string[];
  const hosts = () => new Set(platformHosts());

  beforeAll(async () => {
    // Platform rows: no tenant, tables outside tenants (but sign-in attempts), and domains naming a platform host.
    const keep = (table: string, row: Record<string, unknown>) => {
      if (table === "Tenant") return row.id !== b.tenant.id;
      if (table === "TenantDomain") return hosts().has(String(row.hostname));
      if (table === "LoginAttempt") return false;
      return !("tenantId" in row) || row.tenantId === null;
    };
    const admin = await callerFor(b.admin.id, b.hostname);
    ({ outcomes, changes } = await attackRecordingChanges(admin, platformVictims, keep));
  }, 120_000);

  it("is refused every platform procedure", () => {
    expect(notRefused(outcomes, "TENANT_ADMIN", "FORBIDDEN")).toEqual([]);
  });

  it("sees nothing of the platform (trunks, pool numbers, platform people, mail, audit)", () => {
    expect(leaks(outcomes, platformMarkers, platformIdMarkers)).toEqual([]);
  });

  it("changes no platform row (and takes no platform host as a domain)", () => {
    expect(changes).toEqual([]);
  });

  it("fails cleanly (no internal errors)", () => {
    expect(internalErrors(outcomes)).toEqual([]);
  });

  it("reaches every procedure a tenant admin may call (past input validation and sign-in)", () => {
    expect(neverReached(outcomes, "TENANT_ADMIN")).toEqual([]);
  });
});

describe("an anonymous visitor of the tenant's own site calling every procedure", () => {
  let outcomes: Outcome[];
  let changes: string[];

  beforeAll(async () => {
    ({ outcomes, changes } = await attackRecordingChanges(await callerFor(null, a.hostname), ownerVictims, () => true));
  }, 120_000);

  it("is asked to sign in for every procedure but the public ones", () => {
    expect(notRefused(outcomes, "public", "UNAUTHORIZED")).toEqual([]);
  });

  it("sees nothing of A1's rows and changes nothing", () => {
    expect(leaks(outcomes, ownerMarkers, ownerIdMarkers)).toEqual([]);
    expect(changes).toEqual([]);
  });

  it("fails cleanly (no internal errors)", () => {
    expect(internalErrors(outcomes)).toEqual([]);
  });
});
