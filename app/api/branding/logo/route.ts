/** The logo of the tenant that owns this host (public: shown on its sign-in page). */
import { sanitizeSvg } from "@/lib/branding/sanitize-svg";
import { systemDb } from "@/server/db/system-db";
import { requestHost } from "@/server/http/request-host";
import { resolveHost } from "@/server/tenant/resolve-tenant";

/**
 * The logo's own policy (proxy.ts leaves this route alone): opened directly, an SVG is a document,
 * and with `default-src 'none'` and a sandbox it can neither run script nor load anything.
 */
const LOGO_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox";

const noLogo = () => new Response("No logo", { status: 404, headers: { "Content-Security-Policy": LOGO_CSP } });

export async function GET(req: Request) {
  const host = await resolveHost(requestHost(req.headers));
  if (host.kind !== "tenant") return noLogo();
  const tenant = await systemDb().tenant.findUnique({
    where: { id: host.tenant.id },
    select: { logo: true, logoMimeType: true },
  });
  if (!tenant?.logo || !tenant.logoMimeType) return noLogo();
  let body: Uint8Array<ArrayBuffer> = new Uint8Array(tenant.logo);
  if (tenant.logoMimeType === "image/svg+xml") {
    // Logos stored before SVGs were rebuilt on upload are cleaned on the way out, too.
    const clean = sanitizeSvg(new TextDecoder().decode(body));
    if (!clean.ok) return noLogo();
    body = new TextEncoder().encode(clean.svg);
  }
  return new Response(body, {
    headers: {
      "Content-Type": tenant.logoMimeType,
      "Cache-Control": "public, max-age=300",
      "Content-Security-Policy": LOGO_CSP,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
