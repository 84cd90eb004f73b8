import type { Metadata } from "next";
import { DidPoolClient } from "@/components/did/did-pool-client";
import { DidsAdminClient } from "@/components/did/dids-admin-client";
import { NoAccess } from "@/components/shell/no-access";
import { searchParam } from "@/lib/search-param";
import { userWithRole } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Fax numbers" };

/**
 * Platform admins manage every number; an organisation admin's one Fax numbers page: its numbers,
 * who holds each, and (`?mine=1`, where "My DIDs" used to be) their own.
 */
export default async function DidsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await userWithRole("PLATFORM_ADMIN", "TENANT_ADMIN");
  if (!user) return <NoAccess />;
  const params = await searchParams;
  const search = searchParam(params, "search");
  return user.role === "PLATFORM_ADMIN" ? (
    <DidsAdminClient initialSearch={search} />
  ) : (
    <DidPoolClient
      viewerId={user.id}
      initialSearch={search}
      initialFilter={searchParam(params, "mine") ? "mine" : "all"}
    />
  );
}
