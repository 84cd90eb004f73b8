import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { signedInHere } from "@/server/auth/guards";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ reset?: string }> }) {
  // A session made on another portal does not count here (redirecting would loop with /dashboard).
  if (await signedInHere()) redirect("/dashboard");
  const { reset } = await searchParams;
  return <LoginForm notice={reset === "done" ? "Your password was changed. Sign in with the new one." : null} />;
}
