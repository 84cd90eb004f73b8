import type { Metadata } from "next";
import { WaitingForAccess } from "@/components/keys/waiting-for-access";
import { NoAccess } from "@/components/shell/no-access";
import { UsersPageClient } from "@/components/user/users-page-client";
import { searchParam } from "@/lib/search-param";
import { userWithRole } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await userWithRole("TENANT_ADMIN", "PLATFORM_ADMIN");
  if (!user) return <NoAccess />;
  return (
    <>
      {user.role === "TENANT_ADMIN" ? <WaitingForAccess /> : null}
      <UsersPageClient
        viewer={{ id: user.id, role: user.role, tenantId: user.tenantId }}
        initialSearch={searchParam(await searchParams, "search")}
      />
    </>
  );
}
