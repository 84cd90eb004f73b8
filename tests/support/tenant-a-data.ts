/** Fills every tenant-owned table with rows of one tenant, so isolation tests have something to leak. */
import { getDb } from "../../server/db/client";

let seq = 0;

export async function fillTenantData(tenantId: string, userId: string, tag: string) {
  const db = getDb();
  const n = String(++seq).padStart(2, "0");
  const dept = await db.department.create({ data: { tenantId, name: `${tag} Radiology` } });
  await db.user.update({ where: { id: userId }, data: { departmentId: dept.id } });
  const did = await db.did.create({
    data: {
      number: `+121255501${n}`,
      title: `${tag} line`,
      tenantId,
      userId,
      forward: "EMAIL",
      forwardEmail: `fax@${tag}.test`,
    },
  });
  const group = await db.contactGroup.create({
    data: { tenantId, ownerId: userId, name: `${tag} Clinics`, description: `${tag} group` },
  });
  const contact = await db.contact.create({
    data: { tenantId, firstName: `${tag}Pat`, lastName: "Ient", phone: "+13125550111", email: `pat@${tag}.test` },
  });
  await db.contactGroupMember.create({ data: { tenantId, groupId: group.id, contactId: contact.id } });
  const document = await db.document.create({
    data: {
      tenantId,
      ownerId: userId,
      nameCipher: Buffer.from(`${tag} referral (placeholder cipher)`),
      kind: "pdf",
      ownerSealedKey: Buffer.alloc(81),
      ownerKeyFor: "test",
      tenantSealedKey: Buffer.alloc(81),
      sizeBytes: 1234,
      storageKey: `${tag}/doc`,
    },
  });
  const campaign = await db.campaign.create({
    data: { tenantId, ownerId: userId, name: `${tag} flu campaign`, documentId: document.id, groupId: group.id },
  });
  const job = await db.faxJob.create({
    data: {
      tenantId,
      userId,
      campaignId: campaign.id,
      documentId: document.id,
      titleCipher: Buffer.from(`${tag} fax`), // stands for the browser's ciphertext
      toNumber: "+13125550111",
    },
  });
  await db.faxAttempt.create({ data: { tenantId, faxJobId: job.id, attemptNumber: 1, resultText: `${tag} busy` } });
  await db.campaignRecipient.create({
    data: { tenantId, campaignId: campaign.id, contactId: contact.id, number: "+13125550111", faxJobId: job.id },
  });
  await db.inboundFax.create({
    data: { tenantId, didId: did.id, fromNumber: "+13125550122", toNumber: did.number, remoteStationId: `${tag} CSID` },
  });
  await db.blockedNumber.create({ data: { tenantId, number: "+13125550133" } });
  await db.auditLog.create({
    data: { tenantId, actorId: userId, actorName: `${tag}-actor`, action: "test.action", entityType: "Test" },
  });
  await db.mailMessage.create({
    data: { tenantId, to: `mail@${tag}.test`, subject: `${tag} subject`, text: "t", html: "h", transport: "outbox" },
  });
  await db.passwordHistory.create({ data: { tenantId, userId, hash: `${tag}-old-hash` } });
  await db.tenantKeyGrant.create({
    data: { tenantId, userId, forPublicKey: `${tag}-public-key`, sealedKey: `${tag}-sealed-tenant-key` },
  });
  await db.passwordResetToken.create({
    data: { tenantId, userId, tokenHash: `${tag}-token-hash`, expiresAt: new Date(Date.now() + 3_600_000) },
  });
}

/** Every row that belongs to the tenant, as JSON, to prove nothing changed. */
export async function snapshotTenant(tenantId: string): Promise<string> {
  const db = getDb();
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name::text AS table_name FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = 'tenantId' ORDER BY table_name`;
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const rows = await db.$queryRawUnsafe<unknown[]>(
      `SELECT row_to_json(t)::text AS j FROM "${table_name}" t WHERE "tenantId" = $1::uuid ORDER BY row_to_json(t)::text`,
      tenantId,
    );
    parts.push(`${table_name}:${JSON.stringify(rows)}`);
  }
  const tenant = await db.$queryRawUnsafe<unknown[]>(
    `SELECT row_to_json(t)::text AS j FROM "Tenant" t WHERE id = $1::uuid`,
    tenantId,
  );
  parts.push(`Tenant:${JSON.stringify(tenant)}`);
  return parts.join("\n");
}

/** Ids of every row of the tenant, by table (what an attacker from another tenant would try). */
export async function tenantIds(tenantId: string): Promise<Map<string, string[]>> {
  const db = getDb();
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT c.table_name::text AS table_name FROM information_schema.columns c
    WHERE c.table_schema = 'public' AND c.column_name = 'tenantId'
      AND EXISTS (SELECT 1 FROM information_schema.columns i WHERE i.table_name = c.table_name AND i.column_name = 'id')`;
  const ids = new Map<string, string[]>([["Tenant", [tenantId]]]);
  for (const { table_name } of tables) {
    const rows = await db.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id::text FROM "${table_name}" WHERE "tenantId" = $1::uuid`,
      tenantId,
    );
    ids.set(
      table_name,
      rows.map((r) => r.id),
    );
  }
  return ids;
}

/** Every row of every table (bar Prisma's bookkeeping), by table, as sorted JSON lines — one round trip. */
export type DatabaseSnapshot = Map<string, string[]>;

let tableNames: string[] | undefined;

export async function snapshotDatabase(): Promise<DatabaseSnapshot> {
  const db = getDb();
  tableNames ??= (
    await db.$queryRaw<{ t: string }[]>`
      SELECT table_name::text AS t FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
      ORDER BY table_name`
  ).map((r) => r.t);
  const sql = tableNames
    .map(
      (t) =>
        `SELECT '${t}' AS t, coalesce(json_agg(row_to_json(x)::text ORDER BY row_to_json(x)::text), '[]') AS rows FROM "${t}" x`,
    )
    .join(" UNION ALL ");
  const rows = await db.$queryRawUnsafe<{ t: string; rows: string[] }[]>(sql);
  return new Map(rows.map((r) => [r.t, r.rows]));
}

/**
 * What changed between two snapshots, one line per table, naming the rows by id
 * (e.g. `Did: changed 1f0c…`) — empty when nothing did. `keep` picks the rows that matter.
 */
export function diffSnapshots(
  before: DatabaseSnapshot,
  after: DatabaseSnapshot,
  keep: (table: string, row: Record<string, unknown>) => boolean = () => true,
): string[] {
  const lines: string[] = [];
  for (const [table, rowsBefore] of before) {
    const rowsAfter = after.get(table) ?? [];
    const parse = (rows: string[]) =>
      rows.map((r) => JSON.parse(r) as Record<string, unknown>).filter((r) => keep(table, r));
    const a = new Set(rowsAfter);
    const b = new Set(rowsBefore);
    const gone = parse(rowsBefore.filter((r) => !a.has(r)));
    const come = parse(rowsAfter.filter((r) => !b.has(r)));
    if (!gone.length && !come.length) continue;
    const label = (r: Record<string, unknown>) => String(r.id ?? JSON.stringify(r).slice(0, 80));
    const comeIds = new Set(come.map(label));
    const changed = gone.filter((r) => comeIds.has(label(r))).map(label);
    const removed = gone.filter((r) => !comeIds.has(label(r))).map(label);
    const added = come.filter((r) => !changed.includes(label(r))).map(label);
    const list = (ids: string[]) =>
      ids.length > 3 ? `${ids.slice(0, 3).join(", ")} and ${ids.length - 3} more` : ids.join(", ");
    const parts = [
      changed.length ? `changed ${list(changed)}` : "",
      removed.length ? `removed ${list(removed)}` : "",
      added.length ? `added ${list(added)}` : "",
    ].filter(Boolean);
    lines.push(`${table}: ${parts.join("; ")}`);
  }
  return lines;
}

/** Columns whose values name a row to a person (shown in lists); ids are always included. */
const NAMING_COLUMNS = ["name", "title", "number", "username", "email", "forwardEmail", "subject"];

/**
 * The rows a user owns: their own account, rows of every table with an `ownerId`/`userId` column
 * that point at them, and the rows hanging directly off those (a fax job's attempts, a DID's
 * received faxes, a campaign's recipients). Returns the tables involved, the rows' ids, and the
 * values that would identify them if they showed up in an answer.
 */
export async function ownedRows(userId: string) {
  const db = getDb();
  const ownerColumns = await ownerColumnsByTable();
  const foreignKeys = await db.$queryRaw<{ child: string; column: string; parent: string }[]>`
    SELECT cl.relname::text AS child, a.attname::text AS column, pcl.relname::text AS parent
    FROM pg_constraint c
    JOIN pg_class cl ON cl.oid = c.conrelid
    JOIN pg_class pcl ON pcl.oid = c.confrelid
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
    JOIN pg_namespace n ON n.oid = cl.relnamespace
    WHERE c.contype = 'f' AND n.nspname = 'public' AND array_length(c.conkey, 1) = 1`;
  const rowsByTable = new Map<string, Record<string, unknown>[]>();
  const add = (table: string, rows: Record<string, unknown>[]) => {
    const known = new Set((rowsByTable.get(table) ?? []).map((r) => r.id));
    rowsByTable.set(table, [...(rowsByTable.get(table) ?? []), ...rows.filter((r) => !known.has(r.id))]);
  };
  const select = (table: string, column: string, ids: unknown[]) =>
    db.$queryRawUnsafe<{ j: Record<string, unknown> }[]>(
      `SELECT row_to_json(t) AS j FROM "${table}" t WHERE "${column}"::text = ANY($1::text[])`,
      ids.map(String),
    );
  add(
    "User",
    (await select("User", "id", [userId])).map((r) => r.j),
  );
  for (const [table, columns] of ownerColumns) {
    for (const column of columns)
      add(
        table,
        (await select(table, column, [userId])).map((r) => r.j),
      );
  }
  // One level down: rows that belong to an owned row (not the User row: that would be everything).
  for (const { child, column, parent } of foreignKeys) {
    const parentIds = parent === "User" ? [] : (rowsByTable.get(parent) ?? []).map((r) => r.id);
    if (parentIds.length)
      add(
        child,
        (await select(child, column, parentIds)).map((r) => r.j),
      );
  }
  const ids = new Set<string>();
  const names = new Set<string>();
  for (const rows of rowsByTable.values()) {
    for (const row of rows) {
      if (typeof row.id === "string") ids.add(row.id);
      for (const c of NAMING_COLUMNS)
        if (typeof row[c] === "string" && (row[c] as string).length >= 4) names.add(row[c] as string);
    }
  }
  return { rowsByTable, ids, names };
}

/** Tables with an owner column (`ownerId` or `userId`), and those columns. */
export async function ownerColumnsByTable(): Promise<Map<string, string[]>> {
  const rows = await getDb().$queryRaw<{ t: string; c: string }[]>`
    SELECT table_name::text AS t, column_name::text AS c FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name IN ('ownerId', 'userId') ORDER BY table_name, column_name`;
  const byTable = new Map<string, string[]>();
  for (const { t, c } of rows) byTable.set(t, [...(byTable.get(t) ?? []), c]);
  return byTable;
}

/** Ids of every row in the database that has one, by table. */
export async function allIds(): Promise<Map<string, string[]>> {
  const db = getDb();
  const tables = await db.$queryRaw<{ t: string }[]>`
    SELECT table_name::text AS t FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = 'id' AND table_name <> '_prisma_migrations' ORDER BY table_name`;
  const ids = new Map<string, string[]>();
  for (const { t } of tables) {
    const rows = await db.$queryRawUnsafe<{ id: string }[]>(`SELECT id::text FROM "${t}" ORDER BY id`);
    ids.set(
      t,
      rows.map((r) => r.id),
    );
  }
  return ids;
}
