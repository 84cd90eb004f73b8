"use client";
import { signOutAction } from "@/server/auth/sign-out-action";

/**
 * Sign out, then a full load of the sign-in page: asked for by the browser on this domain, so it
 * carries this site's brand, and nothing of the signed-in tab (keys held in memory) survives it.
 */
export function SignOutButton() {
  return (
    <form
      action={async () => {
        await signOutAction();
        window.location.assign("/login");
      }}
    >
      <button type="submit" className="text-primary hover:underline">
        Sign out
      </button>
    </form>
  );
}
