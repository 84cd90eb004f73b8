/** One outbound fax the actor may see: their own (users), the organisation's (admins), any (platform). */
import type { Prisma } from "@prisma/client";
import type { ActorContext } from "../db/run-in-scope";

export function faxJobAccess(ctx: ActorContext, id: string): Prisma.FaxJobWhereInput {
  return { id, ...(ctx.actor.role === "USER" ? { userId: ctx.actor.id } : {}) };
}
