/** The logo of the tenant that owns this host (public: shown on its sign-in page). */
import { getDb } from "@/server/db/client";
import { requestHost } from "@/server/http/request-host";
import { resolveHost } from "@/server/tenant/resolve-tenant";

export async function GET(req: Request) {
  const host = await resolveHost(requestHost(req.headers));
  if (host.kind !== "tenant") return new Response("No logo", { status: 404 });
  const tenant = await getDb().tenant.findUnique({
    where: { id: host.tenant.id },
    select: { logo: true, logoMimeType: true },
  });
  if (!tenant?.logo || !tenant.logoMimeType) return new Response("No logo", { status: 404 });
  return new Response(new Uint8Array(tenant.logo), {
    headers: {
      "Content-Type": tenant.logoMimeType,
      "Cache-Control": "public, max-age=300",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'", // SVGs cannot run script
      "X-Content-Type-Options": "nosniff",
    },
  });
}
