/**
 * Server environment, validated once. `scripts/serve.ts` fills the embedded defaults
 * (DATABASE_URL of the embedded PostgreSQL, a generated AUTH_SECRET under .data/).
 * Without the "server-only" guard, for code the job runner loads outside Next (scripts/serve.ts
 * runs it with tsx, where that guard throws): mail and public URLs. Everything else imports
 * server/env.ts, which adds the guard.
 */
import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgresql:// URL" }),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters"),
  /** Hosts that serve the platform administration (no tenant), comma-separated. */
  PLATFORM_HOSTS: z.string().default("localhost,127.0.0.1"),
  /** The port the server listens on; links in emails use it unless PUBLIC_PORT says otherwise. */
  PORT: z.coerce.number().int().positive().default(3000),
  /** Scheme and port of links in emails (tenant portals on their own domain), e.g. https and 443. */
  PUBLIC_PROTOCOL: z.enum(["http", "https"]).default("http"),
  PUBLIC_PORT: z.coerce.number().int().positive().optional(),
  /** Address of the platform administration in emails; default: first PLATFORM_HOSTS entry. */
  PLATFORM_URL: z.url().optional(),
  /** "true" only behind a proxy that overwrites X-Forwarded-Host/-Proto/-For (read in server/http). */
  TRUST_PROXY: z.enum(["true", "false", "1", "0", "yes", "no", "on", "off", ""]).optional(),
  MAIL_FROM: z.string().default("Faxport <no-reply@faxport.localhost>"),
  RESEND_API_KEY: z.string().optional(),
  RESEND_API_URL: z.string().url().default("https://api.resend.com"),
  SMTP_URL: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;
export function env(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
      throw new Error(`Invalid environment:\n${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}

export function platformHosts(): string[] {
  return env()
    .PLATFORM_HOSTS.split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
}
