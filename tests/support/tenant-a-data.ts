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
      name: `${tag} referral.pdf`,
      mimeType: "application/pdf",
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
      title: `${tag} fax`,
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
