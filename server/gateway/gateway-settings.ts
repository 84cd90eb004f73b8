/**
 * Gateway settings from the environment (documented for .env.example). The loopback trunk needs
 * none; FreeSWITCH and the HTTP fax API are configured only when their variables are set.
 */
import { z } from "zod";
import type { FreeswitchSettings } from "./freeswitch/freeswitch-gateway";
import type { HttpApiSettings, WebhookRelay } from "./http-api/http-api-gateway";
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
  FAX_API_WEBHOOK_PUBLIC_KEY: z.string().min(1).optional(),
  /** Where the fax provider reaches this portal (webhooks, fax pages); default PLATFORM_URL. */
  FAXPORT_PUBLIC_URL: z.url().optional(),
  PLATFORM_URL: z.url().optional(),
});

/** The settings each optional driver needs, by name, for "not configured" messages. */
export const DRIVER_SETTINGS = {
  FREESWITCH: ["FREESWITCH_ESL_HOST", "FREESWITCH_ESL_PASSWORD", "FREESWITCH_GATEWAY_DIR"],
  HTTP_API: [
    "FAX_API_BASE_URL",
    "FAX_API_KEY",
    "FAX_API_CONNECTION_ID",
    "FAX_API_WEBHOOK_PUBLIC_KEY",
    "FAXPORT_PUBLIC_URL",
  ],
} as const;

/** The provider's side of our routes (app/api/gateway/[driver]): webhooks in, fax pages out. */
export function httpApiRoutes(publicUrl: string) {
  const base = publicUrl.replace(/\/+$/, "");
  return {
    webhookUrl: `${base}/api/gateway/http-api`,
    mediaUrl: (token: string) => `${base}/api/gateway/http-api/media/${token}`,
  };
}

/** What the app gives the HTTP API driver: a media URL per call, and the webhook relay. */
export type HttpApiCalls = {
  /** A fresh media URL for one call, given the route that serves a token. */
  mediaUrl: (request: Parameters<HttpApiSettings["mediaUrl"]>[0], urlFor: (token: string) => string) => Promise<string>;
  relay: WebhookRelay;
};

export type GatewaySettings = {
  loopback: LoopbackSettings;
  freeswitch: FreeswitchSettings | null;
  httpApi: HttpApiSettings | null;
  /** Per driver left unconfigured: the settings still missing. */
  missing?: Partial<Record<keyof typeof DRIVER_SETTINGS, string[]>>;
};

export function gatewaySettingsFromEnv(
  source: Record<string, string | undefined>,
  opts: { mediaUrl?: HttpApiSettings["mediaUrl"]; calls?: HttpApiCalls } = {},
): GatewaySettings {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid gateway settings: ${problems}`);
  }
  const env = parsed.data;
  const publicUrl = env.FAXPORT_PUBLIC_URL ?? env.PLATFORM_URL;
  const given: Record<string, unknown> = { ...env, FAXPORT_PUBLIC_URL: publicUrl };
  const missingOf = (names: readonly string[]) => names.filter((name) => !given[name]);
  const missing = { FREESWITCH: missingOf(DRIVER_SETTINGS.FREESWITCH), HTTP_API: missingOf(DRIVER_SETTINGS.HTTP_API) };
  // Trunks are FreeSWITCH gateways written to FREESWITCH_GATEWAY_DIR: without it no trunk could dial.
  const freeswitch: FreeswitchSettings | null =
    missing.FREESWITCH.length === 0 && env.FREESWITCH_ESL_HOST && env.FREESWITCH_ESL_PASSWORD
      ? {
          host: env.FREESWITCH_ESL_HOST,
          port: env.FREESWITCH_ESL_PORT,
          password: env.FREESWITCH_ESL_PASSWORD,
          profile: env.FREESWITCH_SOFIA_PROFILE,
          gatewayDir: env.FREESWITCH_GATEWAY_DIR,
          t38: env.FREESWITCH_T38 !== "false",
        }
      : null;
  let httpApi: HttpApiSettings | null = null;
  if (missing.HTTP_API.length === 0 && publicUrl && (opts.calls || opts.mediaUrl)) {
    const routes = httpApiRoutes(publicUrl);
    const calls = opts.calls;
    httpApi = {
      baseUrl: env.FAX_API_BASE_URL!,
      apiKey: env.FAX_API_KEY!,
      connectionId: env.FAX_API_CONNECTION_ID!,
      webhookUrl: routes.webhookUrl,
      webhookPublicKey: env.FAX_API_WEBHOOK_PUBLIC_KEY!,
      mediaUrl: calls ? (request) => calls.mediaUrl(request, routes.mediaUrl) : opts.mediaUrl!,
      relay: calls?.relay,
    };
  }
  return {
    loopback: {
      timeScale: env.FAXPORT_LOOPBACK_TIME_SCALE,
      seed: env.FAXPORT_LOOPBACK_SEED,
      link: env.FAXPORT_LOOPBACK_LINK,
      dialLog: env.FAXPORT_LOOPBACK_DIAL_LOG,
    },
    freeswitch,
    httpApi,
    missing: {
      ...(freeswitch ? {} : { FREESWITCH: missing.FREESWITCH }),
      ...(httpApi ? {} : { HTTP_API: missing.HTTP_API }),
    },
  };
}
