/** Creates a tenant with its domains, default security policy and (optionally) its first admin. */
import type { TenantCreateInput } from "@/lib/schemas/tenant";
import type { Actor } from "../audit/record-audit";
import { recordAudit } from "../audit/record-audit";
import { PLATFORM_POLICY } from "../auth/security-policy";
import type { Tx } from "../db/scope";
import { createUser } from "../user/create-user";
import { replaceDomains } from "./tenant-domains";

export function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "tenant"
  );
}

export async function createTenant(opts: { db: Tx; actor: Actor; input: TenantCreateInput; ip?: string }) {
  const { db, input } = opts;
  const base = slugify(input.name);
  const clashes = await db.tenant.count({ where: { slug: { startsWith: base } } });
  const tenant = await db.tenant.create({
    data: {
      name: input.name,
      slug: clashes ? `${base}-${clashes + 1}` : base,
      dailyFaxLimit: input.dailyFaxLimit,
      monthlyFaxLimit: input.monthlyFaxLimit,
      retentionMinDays: input.retentionMinDays,
      retentionMaxDays: input.retentionMaxDays,
      retentionDays: input.retentionDays,
      domainTitle: `${input.name} Fax`,
      footerText: `© ${input.name}`,
      securityPolicy: { create: { ...PLATFORM_POLICY, minLength: 10 } },
    },
  });
  await replaceDomains(db, tenant.id, input.domains, { byPlatformAdmin: true });
  await recordAudit(db, {
    tenantId: tenant.id,
    actor: opts.actor,
    action: "tenant.create",
    entityType: "Tenant",
    entityId: tenant.id,
    details: { name: input.name, domains: input.domains },
    ip: opts.ip,
  });
  if (input.admin) {
    await createUser({
      db,
      actor: opts.actor,
      tenantId: tenant.id,
      username: input.admin.username,
      email: input.admin.email,
      role: "TENANT_ADMIN",
      password: input.admin.password,
      mustChangePassword: false,
      ip: opts.ip,
    });
  }
  return tenant;
}
