"use server";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { signIn } from "@/server/auth/config";

export interface SignInState {
  error: string | null;
}

/** Step two: the username and the auth key the browser derived; the password stays in the browser. */
export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const username = String(form.get("username") ?? "");
  const authKey = String(form.get("authKey") ?? "");
  if (!username || !authKey) return { error: "Enter your username and password." };
  try {
    await signIn("credentials", { username, authKey, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      return { error: code && code !== "credentials" ? code : "Wrong username or password." };
    }
    throw error;
  }
  redirect("/dashboard");
}
