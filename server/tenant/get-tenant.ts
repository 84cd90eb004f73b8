import type { Tx } from "../db/scope";
import { notFound } from "../errors";

export async function getTenant(opts: { db: Tx; id: string }) {
  const tenant = await opts.db.tenant.findUnique({
    where: { id: opts.id },
    select: {
      id: true,
      name: true,
      slug: true,
      active: true,
      dailyFaxLimit: true,
      monthlyFaxLimit: true,
      retentionMinDays: true,
      retentionMaxDays: true,
      retentionDays: true,
      timeZone: true,
      defaultCountry: true,
      allowCostlyNumbers: true,
      coverPageNotice: true,
      domainTitle: true,
      footerText: true,
      logoMimeType: true,
      logoUpdatedAt: true,
      createdAt: true,
      updatedAt: true,
      domains: {
        select: { hostname: true, isPrimary: true, verifiedAt: true, retiring: true },
        orderBy: { isPrimary: "desc" },
      },
    },
  });
  if (!tenant) throw notFound("Organisation");
  return tenant;
}
