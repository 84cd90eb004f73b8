import type { Metadata } from "next";
import { PlatformFaxesClient } from "@/components/fax/platform-faxes-client";
import { NoAccess } from "@/components/shell/no-access";
import { userWithRole } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Sent faxes" };

/** Platform admins: every organisation's sent faxes, metadata only (organisations see theirs on Send fax). */
export default async function PlatformFaxesPage() {
  if (!(await userWithRole("PLATFORM_ADMIN"))) return <NoAccess />;
  return <PlatformFaxesClient />;
}
