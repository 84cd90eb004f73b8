"use client";
import { trpc } from "@/components/providers/trpc";
import {
  type PasswordOwner,
  type PasswordPolicy,
  type PersonalInfo,
  passwordProblems,
  personalInfoRule,
} from "@/lib/password-policy";

/**
 * Live checklist of the password rules, so the server rarely has to refuse: the site's own rules,
 * or the rules of the person's organisation (`policy`), checked against the person's name, username
 * and email (`person`) the way the submit checks them. Until it knows whose password it is, it never
 * says the rules are met: the name rule is named as still to keep.
 */
export function PasswordRules({
  password,
  policy: given,
  person,
  owner = "you",
}: {
  password: string;
  policy?: PasswordPolicy | null;
  person?: PersonalInfo | null;
  /** "them" in an admin's form for someone else's password. */
  owner?: PasswordOwner;
}) {
  const site = trpc.auth.passwordPolicy.useQuery(undefined, { enabled: !given });
  const policy = given ?? site.data;
  if (!policy) return null;
  const unknownPerson = !person && policy.excludePersonalInfo;
  const rule = personalInfoRule(owner);
  const unmet = passwordProblems(
    password,
    person ? policy : { ...policy, excludePersonalInfo: false },
    person ?? {},
    owner,
  );
  let text: string;
  if (unmet.length) text = `Needs ${unmet.join(", ")}${unknownPerson ? `, and ${rule}` : ""}.`;
  else if (unknownPerson) text = `Meets the length and character rules; it needs ${rule} too.`;
  else text = "Meets the password rules.";
  return (
    <p className="text-xs text-muted-foreground" aria-live="polite" data-testid="password-rules">
      {text}
    </p>
  );
}
