/**
 * tRPC context: who is calling (validated server-side session), from which host (tenant brand)
 * and address. Shared by the HTTP handler, server-component callers and tests.
 */
import { clientIp } from "../auth/client-ip";
import type { SessionUser } from "../auth/sessions";
import { type HostContext, resolveHost } from "../tenant/resolve-tenant";

export interface Context {
  user: SessionUser | null;
  host: HostContext;
  ip: string;
  /** scheme://host[:port] the person used, for links in emails */
  origin: string;
}

export async function createContext(opts: { headers: Headers }): Promise<Context> {
  const { currentUser } = await import("../auth/current-session");
  const [user, host] = await Promise.all([
    currentUser(),
    resolveHost(opts.headers.get("x-forwarded-host") ?? opts.headers.get("host")),
  ]);
  return { user, host, ip: clientIp(opts.headers), origin: requestOrigin(opts.headers) };
}

export function requestOrigin(headers: Headers): string {
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost";
  const proto = headers.get("x-forwarded-proto") ?? (process.env.PUBLIC_PROTOCOL || "http");
  return `${proto.split(",")[0]!.trim()}://${host.split(",")[0]!.trim()}`;
}
