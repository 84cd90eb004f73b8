/**
 * The tenant key pair as the server holds it (issue 7, §2): the public key plain; the private key
 * only as sealed copies — one per tenant admin (sealed to that person's public key) and one to the
 * recovery key that only the one-time recovery code rebuilds. The server stores and hands out these
 * boxes but can open none; a platform admin is never given one.
 *
 * "Waiting for access": a reset or an admin-set password gives a person a fresh key pair, so what
 * was sealed to the old one (their tenant-key copy, later their documents' keys) no longer opens.
 * They wait until a tenant admin's browser re-seals it to their new public key (grantAccess).
 *
 * Issue 16: only the admin named when the organisation was created sets up its key (nobody added
 * before that can make it and hold it first); a Grant shows how the person came to wait and is
 * preceded by comparing a safety code of their new key (lib/crypto/safety-code.ts); no admin replaces
 * another's working copy; every organisation admin is mailed each Grant.
 */
import type { ActorContext } from "../db/run-in-scope";
import type { Tx } from "../db/scope";
import { documentsToRegrant, storeRegrantedDocumentKeys } from "../document/regrant-documents";
import { badRequest, conflict, forbidden, notFound } from "../errors";
import { accessGrantedMail } from "../mail/templates/access-granted";
import { recoveryCodeReplacedMail } from "../mail/templates/recovery-code-replaced";
import { notifyTenantAdmins, personName } from "../user/notify-tenant-admins";

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
  if (!actor.tenantId)
    return {
      tenantPublicKey: null,
      mySealedKey: null,
      waitingForAccess: false,
      waitingForSetUp: false,
      canSetUp: false,
      myPublicKey: null,
      recoveryStepDue: false,
      recoveryCodeMadeAt: null,
      askAdmins: [],
    };
  const [tenant, me] = await Promise.all([
    db.tenant.findUniqueOrThrow({
      where: { id: actor.tenantId },
      select: {
        id: true,
        publicKey: true,
        firstAdminId: true,
        recoveryCodePendingById: true,
        recoveryCodeMadeAt: true,
      },
    }),
    db.user.findUniqueOrThrow({ where: { id: actor.id } }),
  ]);
  const grant = me.role === "TENANT_ADMIN" ? await validGrant(db, tenant.id, me) : null;
  const waitingForAccess = await isWaiting(db, tenant, me);
  return {
    tenantPublicKey: tenant.publicKey,
    mySealedKey: grant?.sealedKey ?? null,
    waitingForAccess,
    // Another admin, before the first one set the key up: nothing to grant yet, they wait for it.
    waitingForSetUp: me.role === "TENANT_ADMIN" && !tenant.publicKey && tenant.firstAdminId !== me.id,
    canSetUp: me.role === "TENANT_ADMIN" && !tenant.publicKey && !!me.publicKey && tenant.firstAdminId === me.id,
    // The person's own safety code is computed from this in their browser (the waiting notice shows it).
    myPublicKey: me.publicKey,
    // The first admin before the key exists, or whoever was shown a code not yet confirmed: their
    // pages lead to the recovery step (app/(setup)/setup/recovery-code) until it is done.
    recoveryStepDue:
      me.role === "TENANT_ADMIN" &&
      ((!tenant.publicKey && tenant.firstAdminId === me.id) ||
        (!!tenant.publicKey && tenant.recoveryCodePendingById === me.id && !!grant)),
    recoveryCodeMadeAt: tenant.recoveryCodeMadeAt,
    // Whom a waiting person asks: the organisation admins who hold the key (they can grant).
    askAdmins: waitingForAccess ? await adminsWhoCanGrant(db, tenant.id, me.id) : [],
  };
}

/** Organisation admins holding a working copy of the key, by name: they are the ones who can grant. */
async function adminsWhoCanGrant(db: Tx, tenantId: string, exceptId: string): Promise<string[]> {
  const admins = await db.user.findMany({
    where: { tenantId, role: "TENANT_ADMIN", locked: false, id: { not: exceptId }, publicKey: { not: null } },
    select: { id: true, username: true, firstName: true, lastName: true, email: true, publicKey: true, role: true },
    orderBy: [{ firstName: "asc" }, { username: "asc" }],
  });
  const names: string[] = [];
  for (const a of admins) {
    if (await validGrant(db, tenantId, { ...a, accessPendingSince: null })) names.push(`${personName(a)}, ${a.email}`);
  }
  return names;
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
  const tenant = await ctx.db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { firstAdminId: true } });
  if (tenant.firstAdminId !== me.id) {
    throw forbidden(
      "Only the admin named when your organisation was created sets up its key. Once they have, an organisation admin grants you access.",
    );
  }
  const { count } = await ctx.db.tenant.updateMany({
    where: { id: tenantId, publicKey: null, firstAdminId: me.id },
    data: {
      publicKey: input.publicKey,
      recoverySealedKey: input.recoverySealedKey,
      recoveryCodePendingById: me.id,
      recoveryCodeMadeAt: new Date(),
    },
  });
  if (count !== 1) throw conflict("Your organisation already has its keys.");
  await ctx.db.tenantKeyGrant.create({
    data: { tenantId, userId: me.id, forPublicKey: me.publicKey, sealedKey: input.sealedForMe },
  });
  await ctx.audit({ tenantId, action: "tenant.keys-created", entityType: "Tenant", entityId: tenantId });
}

/** How a person came to wait, as Grant shows it. */
export type WaitingOrigin =
  | { kind: "self-reset"; at: Date }
  | { kind: "set-by-admin"; at: Date; by: string }
  | { kind: "new-admin" };

function waitingOrigin(
  p: { accessPendingSince: Date | null; accessPendingReason: string | null; accessPendingById: string | null },
  setters: Map<string, string>,
): WaitingOrigin {
  if (!p.accessPendingSince) return { kind: "new-admin" }; // an admin who never held a copy yet
  if (p.accessPendingReason === "SET_BY_ADMIN") {
    const by = p.accessPendingById ? (setters.get(p.accessPendingById) ?? "a removed account") : "an administrator";
    return { kind: "set-by-admin", at: p.accessPendingSince, by };
  }
  return { kind: "self-reset", at: p.accessPendingSince };
}

/** People of the admin's tenant waiting for a grant (with the public key to seal to and how they came to wait). */
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
  // Who set a password: an organisation admin (platform admins cannot), so a row of this tenant.
  const setterIds = [...new Set(people.map((p) => p.accessPendingById).filter((id): id is string => !!id))];
  const setters = new Map(
    (
      await db.user.findMany({
        where: { id: { in: setterIds }, tenantId },
        select: { id: true, username: true, firstName: true, lastName: true },
      })
    ).map((s) => [s.id, personName(s)]),
  );
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
      createdAt: p.createdAt,
      createdBy: p.createdByName
        ? { name: p.createdByName, platformAdmin: p.createdByRole === "PLATFORM_ADMIN" }
        : null,
      origin: waitingOrigin(p, setters),
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
    reportKeys?: { faxJobId: string; sealedKey: string }[];
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
  // Only someone waiting is granted: an admin's working copy is theirs alone to replace (recovery code).
  if (person.role === "TENANT_ADMIN" && (await validGrant(ctx.db, tenantId, person))) {
    throw conflict(`${person.username} already holds the organisation key; only they can replace their copy.`);
  }
  const tenant = await ctx.db.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { id: true, publicKey: true },
  });
  if (!(await isWaiting(ctx.db, tenant, person))) {
    throw conflict(`${person.username} is not waiting for access.`);
  }
  if (person.role === "TENANT_ADMIN") {
    if (!input.sealedKey) throw badRequest("An admin needs the organisation key sealed to them.");
    await ctx.db.tenantKeyGrant.upsert({
      where: { tenantId_userId: { tenantId, userId: person.id } },
      create: { tenantId, userId: person.id, forPublicKey: person.publicKey, sealedKey: input.sealedKey },
      update: { forPublicKey: person.publicKey, sealedKey: input.sealedKey },
    });
  }
  const regranted = await storeRegrantedDocumentKeys({
    ctx,
    tenantId,
    userId: person.id,
    forPublicKey: person.publicKey,
    documentKeys: input.documentKeys ?? [],
    reportKeys: input.reportKeys ?? [],
  });
  await ctx.db.user.update({
    where: { id: person.id },
    data: { accessPendingSince: null, accessPendingReason: null, accessPendingById: null },
  });
  await notifyTenantAdmins({
    ctx,
    tenantId,
    mail: (brand, signInUrl) =>
      accessGrantedMail(brand, {
        person: personName(person),
        grantedBy: personName(me),
        asAdmin: person.role === "TENANT_ADMIN",
        signInUrl,
      }),
  });
  await ctx.audit({
    tenantId,
    action: "user.access-granted",
    entityType: "User",
    entityId: person.id,
    details: { username: person.username, documents: regranted.documents, reports: regranted.reports },
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
  await ctx.db.user.update({
    where: { id: me.id },
    data: { accessPendingSince: null, accessPendingReason: null, accessPendingById: null },
  });
  await ctx.audit({ tenantId, action: "tenant.keys-recovered", entityType: "User", entityId: me.id });
}

/** The person's documents an admin's browser must re-seal before Grant. */
export function documentsToRegrantFor(opts: { ctx: ActorContext; userId: string }) {
  return documentsToRegrant({ ctx: opts.ctx, tenantId: requireTenantAdmin(opts.ctx), userId: opts.userId });
}

/**
 * An admin holding the key made a new recovery code in their browser and sealed the organisation key
 * to it: the recovery copy is replaced, so the old code opens nothing any more. The new code is
 * pending until they type part of it back (confirmRecoveryCode); every other admin is mailed.
 */
export async function replaceRecoveryCode(opts: { ctx: ActorContext; input: { recoverySealedKey: string } }) {
  const { ctx, input } = opts;
  const tenantId = requireTenantAdmin(ctx);
  const me = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.actor.id } });
  if (!(await validGrant(ctx.db, tenantId, me))) {
    throw forbidden("Only an organisation admin who holds its key can make a new recovery code.");
  }
  const { count } = await ctx.db.tenant.updateMany({
    where: { id: tenantId, publicKey: { not: null } },
    data: {
      recoverySealedKey: input.recoverySealedKey,
      recoveryCodePendingById: me.id,
      recoveryCodeMadeAt: new Date(),
    },
  });
  if (count !== 1) throw conflict("Your organisation has no key yet.");
  await notifyTenantAdmins({
    ctx,
    tenantId,
    exceptUserId: me.id,
    mail: (brand, signInUrl) => recoveryCodeReplacedMail(brand, { by: personName(me), signInUrl }),
  });
  await ctx.audit({ tenantId, action: "tenant.recovery-code-replaced", entityType: "Tenant", entityId: tenantId });
}

/** The admin typed part of the code back: the step is done and their pages open again. */
export async function confirmRecoveryCode(opts: { ctx: ActorContext }) {
  const tenantId = requireTenantAdmin(opts.ctx);
  const { count } = await opts.ctx.db.tenant.updateMany({
    where: { id: tenantId, recoveryCodePendingById: opts.ctx.actor.id },
    data: { recoveryCodePendingById: null },
  });
  if (count !== 1) throw conflict("There is no recovery code of yours waiting to be confirmed.");
  await opts.ctx.audit({
    tenantId,
    action: "tenant.recovery-code-confirmed",
    entityType: "Tenant",
    entityId: tenantId,
  });
}
