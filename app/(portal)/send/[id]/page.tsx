import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { FaxDetailClient } from "@/components/fax/fax-detail-client";
import { NoAccess } from "@/components/shell/no-access";
import { userWithRole } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Fax" };

export default async function FaxPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await userWithRole("TENANT_ADMIN", "USER");
  if (!user) return <NoAccess />;
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  return <FaxDetailClient id={id.data} />;
}
