import type { Metadata } from "next";
import { DidPoolClient } from "@/components/did/did-pool-client";
import { DidsAdminClient } from "@/components/did/dids-admin-client";
import { NoAccess } from "@/components/shell/no-access";
import { userWithRole } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Fax numbers" };

/** Platform admins manage every number; a tenant admin assigns its pool to its users. */
export default async function DidsPage() {
  const user = await userWithRole("PLATFORM_ADMIN", "TENANT_ADMIN");
  if (!user) return <NoAccess />;
  return user.role === "PLATFORM_ADMIN" ? <DidsAdminClient /> : <DidPoolClient />;
}
