import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { MyDidsClient } from "@/components/did/my-dids-client";
import { NoAccess } from "@/components/shell/no-access";
import { userWithRole } from "@/server/auth/guards";

export const metadata: Metadata = { title: "My fax numbers" };

/** A user's own fax numbers; an organisation admin's are on their one Fax numbers page (Mine). */
export default async function MyDidsPage() {
  const user = await userWithRole("TENANT_ADMIN", "USER");
  if (!user) return <NoAccess />;
  if (user.role === "TENANT_ADMIN") redirect("/admin/dids?mine=1");
  return <MyDidsClient />;
}
