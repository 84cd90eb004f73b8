/**
 * Gateway settings from the environment (documented for .env.example). The loopback trunk needs
 * none; FreeSWITCH and the HTTP fax API are configured only when their variables are set.
 */
import { z } from "zod";
import type { FreeswitchSettings } from "./freeswitch/freeswitch-gateway";
import type { HttpApiSettings } from "./http-api/http-api-gateway";
import type { LoopbackSettings } from "./loopback/loopback-gateway";

const envSchema = z.object({
  FAXPORT_LOOPBACK_TIME_SCALE: z.coerce.number().min(0).max(10).optional(),
  FAXPORT_LOOPBACK_SEED: z.string().min(1).optional(),
  FAXPORT_LOOPBACK_LINK: z.enum(["linear", "alaw", "ulaw", "t38"]).optional(),
  FAXPORT_LOOPBACK_DIAL_LOG: z.string().min(1).optional(),
  FREESWITCH_ESL_HOST: z.string().min(1).optional(),
  FREESWITCH_ESL_PORT: z.coerce.number().int().min(1).max(65_535).default(8021),
  FREESWITCH_ESL_PASSWORD: z.string().min(1).optional(),
  FREESWITCH_SOFIA_PROFILE: z.string().min(1).optional(),
  FREESWITCH_GATEWAY_DIR: z.string().min(1).optional(),
  FREESWITCH_T38: z.enum(["true", "false"]).optional(),
  FAX_API_BASE_URL: z.url().optional(),
  FAX_API_KEY: z.string().min(1).optional(),
  FAX_API_CONNECTION_ID: z.string().min(1).optional(),
  FAX_API_WEBHOOK_URL: z.url().optional(),
  FAX_API_WEBHOOK_PUBLIC_KEY: z.string().min(1).optional(),
});

export type GatewaySettings = {
  loopback: LoopbackSettings;
  freeswitch: FreeswitchSettings | null;
  httpApi: HttpApiSettings | null;
};

export function gatewaySettingsFromEnv(
  source: Record<string, string | undefined>,
  opts: { mediaUrl?: HttpApiSettings["mediaUrl"] } = {},
): GatewaySettings {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid gateway settings: ${problems}`);
  }
  const env = parsed.data;
  const freeswitch: FreeswitchSettings | null =
    env.FREESWITCH_ESL_HOST && env.FREESWITCH_ESL_PASSWORD
      ? {
          host: env.FREESWITCH_ESL_HOST,
          port: env.FREESWITCH_ESL_PORT,
          password: env.FREESWITCH_ESL_PASSWORD,
          profile: env.FREESWITCH_SOFIA_PROFILE,
          gatewayDir: env.FREESWITCH_GATEWAY_DIR,
          t38: env.FREESWITCH_T38 !== "false",
        }
      : null;
  const api = [env.FAX_API_BASE_URL, env.FAX_API_KEY, env.FAX_API_CONNECTION_ID, env.FAX_API_WEBHOOK_URL];
  const httpApi: HttpApiSettings | null =
    api.every(Boolean) && env.FAX_API_WEBHOOK_PUBLIC_KEY && opts.mediaUrl
      ? {
          baseUrl: env.FAX_API_BASE_URL!,
          apiKey: env.FAX_API_KEY!,
          connectionId: env.FAX_API_CONNECTION_ID!,
          webhookUrl: env.FAX_API_WEBHOOK_URL!,
          webhookPublicKey: env.FAX_API_WEBHOOK_PUBLIC_KEY,
          mediaUrl: opts.mediaUrl,
        }
      : null;
  return {
    loopback: {
      timeScale: env.FAXPORT_LOOPBACK_TIME_SCALE,
      seed: env.FAXPORT_LOOPBACK_SEED,
      link: env.FAXPORT_LOOPBACK_LINK,
      dialLog: env.FAXPORT_LOOPBACK_DIAL_LOG,
    },
    freeswitch,
    httpApi,
  };
}
