/**
 * Who may touch a document: its owner, and the organisation's admins (who hold the tenant key its
 * key is also sealed to). Platform admins never: documents are the organisation's, and nothing
 * about them beyond counts leaves for the platform.
 */
import type { Prisma } from "@prisma/client";
import type { ActorContext } from "../db/run-in-scope";
import { forbidden } from "../errors";

export const PLATFORM_REFUSAL = "Documents belong to organisations: platform admins cannot open them.";

/** The organisation the actor's documents live in; refuses platform admins. */
export function documentTenantOf(ctx: ActorContext): string {
  if (ctx.actor.role === "PLATFORM_ADMIN" || !ctx.actor.tenantId) throw forbidden(PLATFORM_REFUSAL);
  return ctx.actor.tenantId;
}

/** The filter for one document the actor may act on (row-level security adds the tenant). */
export function documentAccess(ctx: ActorContext, id: string): Prisma.DocumentWhereInput {
  const tenantId = documentTenantOf(ctx);
  return { id, tenantId, ...(ctx.actor.role === "USER" ? { ownerId: ctx.actor.id } : {}) };
}
