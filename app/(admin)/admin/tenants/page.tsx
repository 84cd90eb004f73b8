import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { TenantsPageClient } from "@/components/tenant/tenants-page-client";
import { userWithRole } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Organisations" };

export default async function TenantsPage() {
  if (!(await userWithRole("PLATFORM_ADMIN"))) return <NoAccess />;
  return <TenantsPageClient />;
}
