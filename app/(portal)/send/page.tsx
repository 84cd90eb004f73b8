import type { Metadata } from "next";
import { SentFaxesClient } from "@/components/fax/sent-faxes-client";
import { NoAccess } from "@/components/shell/no-access";
import { userWithRole } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Send fax" };

/** Sent faxes with their live status; New fax starts one. */
export default async function SendPage() {
  const user = await userWithRole("TENANT_ADMIN", "USER");
  if (!user) return <NoAccess />;
  return <SentFaxesClient isAdmin={user.role === "TENANT_ADMIN"} />;
}
