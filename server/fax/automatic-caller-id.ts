/**
 * The caller ID a fax gets when the sender leaves it on Automatic, so New fax can show it — and warn
 * before Send when there is none (an organisation without fax numbers sends with no caller ID, which
 * some fax machines refuse). The same choice send-faxes makes (resolveCallerId).
 */
import type { ActorContext } from "../db/run-in-scope";
import { resolveCallerId } from "./resolve-caller-id";

export async function automaticCallerId(opts: { ctx: ActorContext }): Promise<{ number: string | null }> {
  const { db, actor } = opts.ctx;
  if (!actor.tenantId) return { number: null };
  const number = await resolveCallerId({
    db,
    tenantId: actor.tenantId,
    userId: actor.id,
    country: "US",
    callerId: null,
  });
  return { number };
}
