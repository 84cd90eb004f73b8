"use client";
import { trpc } from "@/components/providers/trpc";
import { passwordProblems } from "@/lib/password-policy";

/** Live checklist of the site's password rules, so the server rarely has to refuse. */
export function PasswordRules({ password }: { password: string }) {
  const policy = trpc.auth.passwordPolicy.useQuery();
  if (!policy.data) return null;
  const unmet = passwordProblems(password, { ...policy.data, excludePersonalInfo: false });
  return (
    <p className="text-xs text-muted-foreground" aria-live="polite">
      {unmet.length ? `Needs ${unmet.join(", ")}.` : "Meets the password rules."}
    </p>
  );
}
