/**
 * Creates a tenant with its domains, default security policy and its first admin — who has no
 * password until they open the welcome link mailed here, and who alone sets up the organisation key. The platform admin never knows it, and
 * the organisation's key and recovery code are made in that admin's own browser at first sign-in.
 */
import { DEFAULT_PASSWORD_POLICY } from "@/lib/password-policy";
import type { TenantCreateInput } from "@/lib/schemas/tenant";
import { PLATFORM_POLICY } from "../auth/security-policy";
import type { ActorContext } from "../db/run-in-scope";
import { createUser } from "../user/create-user";
import { sendWelcome } from "../user/send-welcome";
import { invalidateHostCache } from "./resolve-tenant";
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

export async function createTenant(opts: { ctx: ActorContext; input: TenantCreateInput }) {
  const { ctx, input } = opts;
  const { db } = ctx;
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
      timeZone: input.timeZone ?? "UTC",
      defaultCountry: input.defaultCountry ?? "US",
      allowCostlyNumbers: input.allowCostlyNumbers ?? false,
      domainTitle: `${input.name} Fax`,
      footerText: `© ${input.name}`,
      securityPolicy: { create: { ...PLATFORM_POLICY, ...DEFAULT_PASSWORD_POLICY } },
    },
  });
  await replaceDomains(db, tenant.id, input.domains, { byPlatformAdmin: true });
  ctx.afterCommit(invalidateHostCache); // its domains now resolve to it
  await ctx.audit({
    tenantId: tenant.id,
    action: "tenant.create",
    entityType: "Tenant",
    entityId: tenant.id,
    details: { name: input.name, domains: input.domains },
  });
  const admin = await createUser({
    ctx,
    tenantId: tenant.id,
    username: input.admin.username,
    email: input.admin.email,
    role: "TENANT_ADMIN",
    credentials: null,
    mustChangePassword: false, // they choose it themselves
  });
  // Only this admin, through their own welcome link, sets up the organisation key (setUpTenantKeys).
  await db.tenant.update({ where: { id: tenant.id }, data: { firstAdminId: admin.id } });
  const { to } = await sendWelcome({ ctx, id: admin.id });
  return { ...tenant, firstAdminId: admin.id, welcomeSentTo: to };
}
