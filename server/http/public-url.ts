/**
 * Addresses written into emails. They come from configuration and the tenant's own domain only —
 * never from the request, whose Host and X-Forwarded-* headers a stranger chooses.
 */
import { env, platformHosts } from "../read-env";

function withPort(protocol: "http" | "https", hostname: string, port: number): string {
  const defaultPort = protocol === "https" ? 443 : 80;
  return `${protocol}://${hostname}${port === defaultPort ? "" : `:${port}`}`;
}

/** Where platform admins sign in: PLATFORM_URL, else the first platform host on the public port. */
export function platformUrl(): string {
  const e = env();
  if (e.PLATFORM_URL) return new URL(e.PLATFORM_URL).origin;
  return withPort(e.PUBLIC_PROTOCOL, platformHosts()[0] ?? "localhost", e.PUBLIC_PORT ?? e.PORT);
}

/** A tenant's portal: its primary domain on the public scheme and port. */
export function tenantUrl(hostname: string): string {
  const e = env();
  return withPort(e.PUBLIC_PROTOCOL, hostname, e.PUBLIC_PORT ?? e.PORT);
}

/** The portal a person signs in at: their tenant's primary domain, or the platform's. */
export function portalUrl(primaryHost: string | null): string {
  return primaryHost ? tenantUrl(primaryHost) : platformUrl();
}
