/**
 * tRPC context: who is calling (validated server-side session), from which host (tenant brand)
 * and address. Shared by the HTTP handler, server-component callers and tests. Links in emails are
 * not built from the request (see server/http/public-url.ts).
 */
import type { SessionUser } from "../auth/sessions";
import { clientAddress, requestHost } from "../http/request-host";
import { timed } from "../http/request-profile";
import { type HostContext, resolveHost } from "../tenant/resolve-tenant";

export interface Context {
  user: SessionUser | null;
  host: HostContext;
  /** The client's address when known (behind a trusted proxy). */
  ip: string | undefined;
}

export async function createContext(opts: { headers: Headers }): Promise<Context> {
  const { currentUser } = await import("../auth/current-session");
  const [user, host] = await Promise.all([currentUser(), timed("host", () => resolveHost(requestHost(opts.headers)))]);
  return { user, host, ip: clientAddress(opts.headers) ?? undefined };
}
