import type { Metadata } from "next";
import { z } from "zod";
import { NewFaxClient } from "@/components/fax/new-fax-client";
import { NoAccess } from "@/components/shell/no-access";
import { idSchema } from "@/lib/schemas/common";
import { userWithRole } from "@/server/auth/guards";

export const metadata: Metadata = { title: "New fax" };

/** `?document=<id>`: Documents → Send as fax opens the form with that document chosen. */
const searchSchema = z.object({ document: idSchema.optional().catch(undefined) });

export default async function NewFaxPage({ searchParams }: { searchParams: Promise<Record<string, unknown>> }) {
  const user = await userWithRole("TENANT_ADMIN", "USER");
  if (!user) return <NoAccess />;
  const { document } = searchSchema.parse(await searchParams);
  return <NewFaxClient initialDocumentId={document} />;
}
