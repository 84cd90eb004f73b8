import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/server/auth/current-session";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ reset?: string }> }) {
  if (await currentUser()) redirect("/dashboard");
  const { reset } = await searchParams;
  return <LoginForm notice={reset === "done" ? "Your password was changed. Sign in with the new one." : null} />;
}
