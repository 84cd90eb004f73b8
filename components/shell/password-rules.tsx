"use client";
import { trpc } from "@/components/providers/trpc";
import { type PasswordPolicy, type PersonalInfo, passwordProblems } from "@/lib/password-policy";

/**
 * Live checklist of the password rules, so the server rarely has to refuse: the site's own rules,
 * or — when an admin types someone else's password — the rules of that person's organisation
 * (`policy`), with the person's name and email (`person`) as the server will check them.
 */
export function PasswordRules({
  password,
  policy: given,
  person,
}: {
  password: string;
  policy?: PasswordPolicy | null;
  person?: PersonalInfo;
}) {
  const site = trpc.auth.passwordPolicy.useQuery(undefined, { enabled: !given });
  const policy = given ?? site.data;
  if (!policy) return null;
  const unmet = passwordProblems(password, person ? policy : { ...policy, excludePersonalInfo: false }, person);
  return (
    <p className="text-xs text-muted-foreground" aria-live="polite" data-testid="password-rules">
      {unmet.length ? `Needs ${unmet.join(", ")}.` : "Meets the password rules."}
    </p>
  );
}
