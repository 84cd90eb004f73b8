/**
 * A person's own key pair as the server holds it: the public key, and the private key sealed with
 * an unlock key only their password gives. The server can hand these out but never open them.
 */
import type { StoredKeys } from "@/lib/auth/credentials";
import type { ActorContext } from "../db/run-in-scope";
import { conflict } from "../errors";

export async function myKeys(opts: { ctx: ActorContext }): Promise<StoredKeys | null> {
  const user = await opts.ctx.db.user.findUniqueOrThrow({
    where: { id: opts.ctx.actor.id },
    select: { publicKey: true, sealedPrivateKey: true },
  });
  return user.publicKey && user.sealedPrivateKey
    ? { publicKey: user.publicKey, sealedPrivateKey: user.sealedPrivateKey }
    : null;
}

/**
 * An account made before keys existed gets its pair at its next sign-in (made in the browser,
 * sealed with the unlock key of the password just typed). Never replaces an existing pair: that
 * would be a way to swap someone's keys with a stolen session.
 */
export async function setUpMyKeys(opts: { ctx: ActorContext; keys: StoredKeys }): Promise<void> {
  const { ctx, keys } = opts;
  const { count } = await ctx.db.user.updateMany({
    where: { id: ctx.actor.id, publicKey: null },
    data: { publicKey: keys.publicKey, sealedPrivateKey: keys.sealedPrivateKey },
  });
  if (count !== 1) throw conflict("This account already has keys.");
  await ctx.audit({
    tenantId: ctx.actor.tenantId,
    action: "user.keys-created",
    entityType: "User",
    entityId: ctx.actor.id,
  });
}
