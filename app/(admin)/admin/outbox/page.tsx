import type { Metadata } from "next";
import { OutboxPageClient } from "@/components/outbox/outbox-page-client";
import { NoAccess } from "@/components/shell/no-access";
import { userWithRole } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Mail outbox" };

export default async function OutboxPage() {
  if (!(await userWithRole("PLATFORM_ADMIN"))) return <NoAccess />;
  return <OutboxPageClient />;
}
