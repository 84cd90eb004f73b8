import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { RecoveryCodeStep } from "@/components/keys/recovery-code-step";
import { currentHost, requireUser } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Recovery code" };

/** The organisation's recovery code: made here in the browser, saved, confirmed (components/keys/recovery-code-step.tsx). */
export default async function RecoveryCodePage({ searchParams }: { searchParams: Promise<{ new?: string }> }) {
  const [user, host, { new: asked }] = await Promise.all([requireUser(), currentHost(), searchParams]);
  if (user.role !== "TENANT_ADMIN" || host.kind !== "tenant") redirect("/dashboard");
  return (
    <RecoveryCodeStep
      organisation={{ name: host.tenant.name, slug: host.tenant.slug }}
      askedForNewCode={asked === "1"}
    />
  );
}
