"use server";
import { revalidatePath } from "next/cache";
/**
 * Hiding the first-run checklist is remembered per browser, in a cookie the dashboard reads on the
 * server (so it never flashes in and out). Per browser is enough: hiding is a preference about a
 * screen, not a setting of the organisation, and the checklist goes away by itself once done.
 */
import { cookies } from "next/headers";
import { SETUP_HIDDEN_COOKIE } from "./setup-hidden-cookie";

export async function hideSetupChecklist() {
  (await cookies()).set(SETUP_HIDDEN_COOKIE, "1", {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    maxAge: 60 * 60 * 24 * 365,
  });
  revalidatePath("/dashboard");
}

export async function showSetupChecklist() {
  (await cookies()).delete(SETUP_HIDDEN_COOKIE);
  revalidatePath("/dashboard");
}
