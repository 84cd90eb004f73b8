import type { Metadata } from "next";
import { DocumentsPageClient } from "@/components/document/documents-page-client";
import { NoAccess } from "@/components/shell/no-access";
import { userWithRole } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Documents" };

/** The document library of the signed-in person (and, for organisation admins, of the organisation). */
export default async function DocumentsPage() {
  const user = await userWithRole("TENANT_ADMIN", "USER");
  if (!user) return <NoAccess />;
  return <DocumentsPageClient isAdmin={user.role === "TENANT_ADMIN"} />;
}
