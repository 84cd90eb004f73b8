import type { Metadata } from "next";
import { MyDidsClient } from "@/components/did/my-dids-client";
import { NoAccess } from "@/components/shell/no-access";
import { userWithRole } from "@/server/auth/guards";

export const metadata: Metadata = { title: "My fax numbers" };

export default async function MyDidsPage() {
  if (!(await userWithRole("TENANT_ADMIN", "USER"))) return <NoAccess />;
  return <MyDidsClient />;
}
