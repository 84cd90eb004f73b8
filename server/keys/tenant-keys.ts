/**
 * The tenant key pair as the server holds it (issue 7, §2): the public key plain; the private key
 * only as sealed copies — one per tenant admin (sealed to that person's public key) and one to the
 * recovery key that only the one-time recovery code rebuilds. The server stores and hands out these
 * boxes but can open none; a platform admin is never given one.
 *
 * "Waiting for access": a reset or an admin-set password gives a person a fresh key pair, so what
 * was sealed to the old one (their tenant-key copy, later their documents' keys) no longer opens.
 * They wait until a tenant admin's browser re-seals it to their new public key (grantAccess).
 */
import type { ActorContext } from "../db/run-in-scope";
import type { Tx } from "../db/scope";
import { documentsToRegrant, storeRegrantedDocumentKeys } from "../document/regrant-documents";
import { badRequest, conflict, forbidden, notFound } from "../errors";

type Person = { id: string; role: string; publicKey: string | null; accessPendingSince: Date | null };

function requireTenantAdmin(ctx: ActorContext): string {
  if (ctx.actor.role !== "TENANT_ADMIN" || !ctx.actor.tenantId) {
    throw forbidden("Only an organisation's own admins hold its key.");
  }
  return ctx.actor.tenantId;
}

/** The copy of the tenant key sealed to this person's current public key, if any. */
async function validGrant(db: Tx, tenantId: string, person: Person) {
  if (!person.publicKey) return null;
  const grant = await db.tenantKeyGrant.findUnique({ where: { tenantId_userId: { tenantId, userId: person.id } } });
  return grant && grant.forPublicKey === person.publicKey ? grant : null;
}

/** Waiting: fresh keys not yet granted, or an admin without a working copy of an existing tenant key. */
async function isWaiting(db: Tx, tenant: { id: string; publicKey: string | null }, person: Person) {
  if (person.accessPendingSince) return true;
  if (person.role !== "TENANT_ADMIN" || !tenant.publicKey) return false;
  return !(await validGrant(db, tenant.id, person));
}

/** What the signed-in person's browser needs: the tenant's public key, their copy, and whether they wait. */
export async function tenantKeyState(opts: { ctx: ActorContext }) {
  const { db, actor } = opts.ctx;
  if (!actor.tenantId) return { tenantPublicKey: null, mySealedKey: null, waitingForAccess: false, canSetUp: false };
  const [tenant, me] = await Promise.all([
    db.tenant.findUniqueOrThrow({ where: { id: actor.tenantId }, select: { id: true, publicKey: true } }),
    db.user.findUniqueOrThrow({ where: { id: actor.id } }),
  ]);
  const grant = me.role === "TENANT_ADMIN" ? await validGrant(db, tenant.id, me) : null;
  return {
    tenantPublicKey: tenant.publicKey,
    mySealedKey: grant?.sealedKey ?? null,
    waitingForAccess: await isWaiting(db, tenant, me),
    canSetUp: me.role === "TENANT_ADMIN" && !tenant.publicKey && !!me.publicKey,
  };
}

/**
 * The first admin's browser made the tenant key pair: store its public key, their copy and the
 * recovery copy. Only once per tenant (a second attempt would replace a key people depend on).
 */
export async function setUpTenantKeys(opts: {
  ctx: ActorContext;
  input: { publicKey: string; sealedForMe: string; recoverySealedKey: string };
}) {
  const { ctx, input } = opts;
  const tenantId = requireTenantAdmin(ctx);
  const me = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.actor.id } });
  if (!me.publicKey) throw badRequest("Unlock your own keys first.");
  const { count } = await ctx.db.tenant.updateMany({
    where: { id: tenantId, publicKey: null },
    data: { publicKey: input.publicKey, recoverySealedKey: input.recoverySealedKey },
  });
  if (count !== 1) throw conflict("Your organisation already has its keys.");
  await ctx.db.tenantKeyGrant.create({
    data: { tenantId, userId: me.id, forPublicKey: me.publicKey, sealedKey: input.sealedForMe },
  });
  await ctx.audit({ tenantId, action: "tenant.keys-created", entityType: "Tenant", entityId: tenantId });
}

/** People of the admin's tenant waiting for a grant (with the public key to seal to). */
export async function listWaitingForAccess(opts: { ctx: ActorContext }) {
  const tenantId = requireTenantAdmin(opts.ctx);
  const { db } = opts.ctx;
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { id: true, publicKey: true } });
  const people = await db.user.findMany({
    where: {
      tenantId,
      publicKey: { not: null },
      OR: [{ accessPendingSince: { not: null } }, { role: "TENANT_ADMIN" }],
    },
    orderBy: { username: "asc" },
  });
  const waiting = [];
  for (const p of people) {
    if (!(await isWaiting(db, tenant, p))) continue;
    waiting.push({
      id: p.id,
      username: p.username,
      firstName: p.firstName,
      lastName: p.lastName,
      role: p.role,
      publicKey: p.publicKey!,
      since: p.accessPendingSince,
    });
  }
  return waiting;
}

/**
 * A tenant admin's browser re-sealed what the person lost to their new public key: for an admin,
 * the tenant private key (`sealedKey`). The person stops waiting.
 * With it, each of the person's document keys (opened with the tenant key, sealed to `forPublicKey`),
 * stored in this transaction before the pending mark is cleared (server/document/regrant-documents.ts).
 */
export async function grantAccess(opts: {
  ctx: ActorContext;
  input: {
    userId: string;
    forPublicKey: string;
    sealedKey?: string;
    documentKeys?: { documentId: string; sealedKey: string }[];
  };
}) {
  const { ctx, input } = opts;
  const tenantId = requireTenantAdmin(ctx);
  const me = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.actor.id } });
  if (!(await validGrant(ctx.db, tenantId, me))) throw forbidden("You are waiting for access yourself.");
  const person = await ctx.db.user.findFirst({ where: { id: input.userId, tenantId } });
  if (!person) throw notFound("User");
  // The browser sealed to the key it was shown; a newer reset in between must not be granted blindly.
  if (!person.publicKey || person.publicKey !== input.forPublicKey) {
    throw conflict("This person's keys changed meanwhile. Reload the list and grant again.");
  }
  if (person.role === "TENANT_ADMIN") {
    if (!input.sealedKey) throw badRequest("An admin needs the organisation key sealed to them.");
    await ctx.db.tenantKeyGrant.upsert({
      where: { tenantId_userId: { tenantId, userId: person.id } },
      create: { tenantId, userId: person.id, forPublicKey: person.publicKey, sealedKey: input.sealedKey },
      update: { forPublicKey: person.publicKey, sealedKey: input.sealedKey },
    });
  }
  const documents = await storeRegrantedDocumentKeys({
    ctx,
    tenantId,
    userId: person.id,
    forPublicKey: person.publicKey,
    documentKeys: input.documentKeys ?? [],
  });
  await ctx.db.user.update({ where: { id: person.id }, data: { accessPendingSince: null } });
  await ctx.audit({
    tenantId,
    action: "user.access-granted",
    entityType: "User",
    entityId: person.id,
    details: { username: person.username, documents },
  });
}

/** The recovery copy, for an admin who typed the recovery code (only the code opens it). */
export async function recoveryBox(opts: { ctx: ActorContext }) {
  const tenantId = requireTenantAdmin(opts.ctx);
  const tenant = await opts.ctx.db.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { publicKey: true, recoverySealedKey: true },
  });
  if (!tenant.publicKey || !tenant.recoverySealedKey) throw notFound("Recovery key");
  return { tenantPublicKey: tenant.publicKey, recoverySealedKey: tenant.recoverySealedKey };
}

/** The admin opened the recovery copy with the code and sealed the tenant key to themself. */
export async function recoverAccess(opts: { ctx: ActorContext; input: { sealedForMe: string } }) {
  const { ctx, input } = opts;
  const tenantId = requireTenantAdmin(ctx);
  const me = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.actor.id } });
  if (!me.publicKey) throw badRequest("Unlock your own keys first.");
  await ctx.db.tenantKeyGrant.upsert({
    where: { tenantId_userId: { tenantId, userId: me.id } },
    create: { tenantId, userId: me.id, forPublicKey: me.publicKey, sealedKey: input.sealedForMe },
    update: { forPublicKey: me.publicKey, sealedKey: input.sealedForMe },
  });
  await ctx.db.user.update({ where: { id: me.id }, data: { accessPendingSince: null } });
  await ctx.audit({ tenantId, action: "tenant.keys-recovered", entityType: "User", entityId: me.id });
}

/** The person's documents an admin's browser must re-seal before Grant. */
export function documentsToRegrantFor(opts: { ctx: ActorContext; userId: string }) {
  return documentsToRegrant({ ctx: opts.ctx, tenantId: requireTenantAdmin(opts.ctx), userId: opts.userId });
}
