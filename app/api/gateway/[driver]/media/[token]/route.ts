/** The fax pages of one call, downloaded by the HTTP fax API provider: server/fax/serve-fax-media.ts. */
import { serveFaxMedia } from "@/server/fax/serve-fax-media";
import { handleRoute } from "@/server/http/domain-error-response";

export const GET = handleRoute(async (_req: Request, context: { params: Promise<{ driver: string; token: string }> }) =>
  serveFaxMedia(await context.params),
);
