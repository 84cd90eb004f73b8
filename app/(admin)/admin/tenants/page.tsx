import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { TenantsPageClient } from "@/components/tenant/tenants-page-client";
import { searchParam } from "@/lib/search-param";
import { userWithRole } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Organisations" };

export default async function TenantsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (!(await userWithRole("PLATFORM_ADMIN"))) return <NoAccess />;
  return <TenantsPageClient initialSearch={searchParam(await searchParams, "search")} />;
}
