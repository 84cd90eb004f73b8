/**
 * The REST twin of tRPC's protectedProcedure, for routes that move bytes (documents): the signed-in
 * person on their own portal, password change honoured, the work in one scoped transaction.
 */
import { isOnOwnPortal } from "../auth/own-portal";
import { type ActorContext, runInScope, scopeOf } from "../db/run-in-scope";
import { DomainError } from "../errors";
import { resolveHost } from "../tenant/resolve-tenant";
import { clientAddress, requestHost } from "./request-host";

export async function inSignedInScope<T>(
  request: Request,
  opts: { write: boolean },
  work: (ctx: ActorContext) => Promise<T>,
): Promise<T> {
  const { currentUser } = await import("../auth/current-session");
  const [user, host] = await Promise.all([currentUser(), resolveHost(requestHost(request.headers))]);
  if (!user) throw new DomainError("UNAUTHORIZED", "Please sign in.");
  if (!isOnOwnPortal(user, host)) throw new DomainError("UNAUTHORIZED", "Please sign in on this site.");
  if (user.mustChangePassword) throw new DomainError("FORBIDDEN", "Change your password to continue.");
  return runInScope(
    { scope: scopeOf(user), actor: user, ip: clientAddress(request.headers), write: opts.write },
    (ctx) => work(ctx as ActorContext),
  );
}
