import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { resetParams } from "@/server/auth/password-reset";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  // A welcome link sent before welcome links had their own page: greet them there instead.
  const link = token ? await resetParams({ token }).catch(() => null) : null;
  if (link?.welcome) redirect(`/welcome?token=${encodeURIComponent(token!)}`);
  return <ResetPasswordForm token={token ?? ""} />;
}
