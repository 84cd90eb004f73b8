import type { Metadata } from "next";
import { requireUser } from "@/server/auth/guards";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Change password" };

export default async function ChangePasswordPage() {
  const user = await requireUser({ allowPasswordChange: true });
  return <ChangePasswordForm forced={user.mustChangePassword} />;
}
