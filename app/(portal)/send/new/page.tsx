import type { Metadata } from "next";
import { NewFaxClient } from "@/components/fax/new-fax-client";
import { NoAccess } from "@/components/shell/no-access";
import { userWithRole } from "@/server/auth/guards";

export const metadata: Metadata = { title: "New fax" };

export default async function NewFaxPage() {
  const user = await userWithRole("TENANT_ADMIN", "USER");
  if (!user) return <NoAccess />;
  return <NewFaxClient />;
}
