/**
 * Proves a pending domain belongs to its tenant: this server answers the domain's token at
 * http://<domain>/.well-known/faxport-domain-verification (so its DNS points here), or a DNS TXT
 * record _faxport.<domain> holds it. Only then does the domain serve the tenant.
 */
import { resolveTxt } from "node:dns/promises";
import { request as httpRequest, type RequestOptions } from "node:http";
import { request as httpsRequest } from "node:https";
import { DNS_TXT_PREFIX, DOMAIN_TOKEN_PATH, TXT_VALUE_PREFIX } from "@/lib/branding/domain-verification";
import type { ScopedContext } from "../db/run-in-scope";
import { env } from "../env";
import { badRequest, notFound } from "../errors";
import { invalidateHostCache } from "./resolve-tenant";
import { settleDomainChange } from "./tenant-domains";

export interface DomainProbes {
  /** The body this domain answers at DOMAIN_TOKEN_PATH, or null when it does not answer. */
  httpToken: (hostname: string) => Promise<string | null>;
  /** TXT records of a DNS name (each record is a list of strings). */
  txtRecords: (name: string) => Promise<string[][]>;
}

const TIMEOUT_MS = 5_000;
const MAX_BODY = 200; // a token is 36 characters; nothing larger is read

/**
 * Fetches the token over the public protocol and port the portal is reached on. No redirects are
 * followed and only a few bytes are read: the answer is compared, never shown.
 */
export function httpTokenProbe(opts: { port?: number; lookup?: RequestOptions["lookup"] } = {}) {
  return (hostname: string) =>
    new Promise<string | null>((resolve) => {
      const https = !opts.port && env().PUBLIC_PROTOCOL === "https";
      const port = opts.port ?? env().PUBLIC_PORT ?? (https ? 443 : 80);
      const req = (https ? httpsRequest : httpRequest)(
        { host: hostname, port, path: DOMAIN_TOKEN_PATH, method: "GET", lookup: opts.lookup, timeout: TIMEOUT_MS },
        (res) => {
          if (res.statusCode !== 200) {
            res.resume();
            return resolve(null);
          }
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => {
            body += chunk;
            if (body.length > MAX_BODY) req.destroy();
          });
          res.on("end", () => resolve(body.length > MAX_BODY ? null : body.trim()));
          res.on("error", () => resolve(null));
        },
      );
      req.on("timeout", () => req.destroy());
      req.on("error", () => resolve(null));
      req.end();
    });
}

export const realProbes = (): DomainProbes => ({
  httpToken: httpTokenProbe(),
  txtRecords: (name) => resolveTxt(name).catch(() => []),
});

export async function verifyDomain(opts: {
  ctx: ScopedContext;
  tenantId: string;
  hostname: string;
  probes?: DomainProbes;
}) {
  const { ctx, hostname } = opts;
  const { db } = ctx;
  const domain = await db.tenantDomain.findFirst({ where: { tenantId: opts.tenantId, hostname } });
  if (!domain) throw notFound("Domain");
  if (domain.verifiedAt) return { hostname, verifiedBy: domain.verifiedBy, retired: [] as string[] };
  const probes = opts.probes ?? realProbes();
  const token = domain.verificationToken;
  let verifiedBy: "HTTP" | "DNS" | null = null;
  if ((await probes.httpToken(hostname)) === token) verifiedBy = "HTTP";
  else {
    const records = (await probes.txtRecords(DNS_TXT_PREFIX + hostname)).map((parts) => parts.join("").trim());
    if (records.includes(token) || records.includes(TXT_VALUE_PREFIX + token)) verifiedBy = "DNS";
  }
  if (!verifiedBy) {
    throw badRequest(
      `${hostname} is not verified yet: point its DNS at this server (we check ${DOMAIN_TOKEN_PATH} on it), ` +
        `or add a TXT record ${DNS_TXT_PREFIX + hostname} with the value ${TXT_VALUE_PREFIX + token}. ` +
        "DNS changes can take a while to show; try again later.",
      "domains",
    );
  }
  await db.tenantDomain.update({ where: { id: domain.id }, data: { verifiedAt: new Date(), verifiedBy } });
  const retired = await settleDomainChange(db, opts.tenantId, hostname);
  ctx.afterCommit(invalidateHostCache);
  await ctx.audit({
    tenantId: opts.tenantId,
    action: "branding.domain-verify",
    entityType: "TenantDomain",
    entityId: domain.id,
    details: { hostname, verifiedBy, ...(retired.length ? { retired } : {}) },
  });
  return { hostname, verifiedBy, retired };
}
