import { counted } from "./counted";

/** Password rules of a tenant's security policy, checked the same way in the form and on the server. */
export interface PasswordPolicy {
  minLength: number;
  minUpper: number;
  minLower: number;
  minDigits: number;
  minSpecial: number;
  excludePersonalInfo: boolean;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minLength: 10,
  minUpper: 1,
  minLower: 1,
  minDigits: 1,
  minSpecial: 0,
  excludePersonalInfo: true,
};

export interface PersonalInfo {
  username?: string;
  email?: string;
  firstName?: string;
  lastName?: string;
}

/** Whose password the words are about: the reader's own, or someone an admin sets it for. */
export type PasswordOwner = "you" | "them";

/** Returns the list of unmet rules, in plain words; empty when the password is acceptable. */
export function passwordProblems(
  password: string,
  policy: PasswordPolicy,
  person: PersonalInfo = {},
  owner: PasswordOwner = "you",
): string[] {
  const problems: string[] = [];
  const count = (re: RegExp) => (password.match(re) ?? []).length;
  if (password.length < policy.minLength) problems.push(`at least ${policy.minLength} characters`);
  if (password.length > 256) problems.push("at most 256 characters");
  if (count(/[A-Z]/g) < policy.minUpper) problems.push(counted(policy.minUpper, "upper-case letter"));
  if (count(/[a-z]/g) < policy.minLower) problems.push(counted(policy.minLower, "lower-case letter"));
  if (count(/[0-9]/g) < policy.minDigits) problems.push(counted(policy.minDigits, "digit"));
  if (count(/[^A-Za-z0-9]/g) < policy.minSpecial) problems.push(counted(policy.minSpecial, "special character"));
  if (policy.excludePersonalInfo) {
    const lower = password.toLowerCase();
    const parts = [person.username, person.email?.split("@")[0], person.firstName, person.lastName]
      .filter((p): p is string => !!p && p.length >= 3)
      .map((p) => p.toLowerCase());
    if (parts.some((p) => lower.includes(p))) problems.push(personalInfoRule(owner));
  }
  return problems;
}

/** The name rule, said to the person themselves or to the admin who sets a password for someone else. */
export function personalInfoRule(owner: PasswordOwner = "you"): string {
  return `no part of ${owner === "you" ? "your" : "their"} name, username or email`;
}

export function describeProblems(problems: string[]): string {
  return `Password needs ${problems.join(", ")}.`;
}

/** A random password that satisfies any reasonable policy (for "generate password"). */
export function generatePassword(length = 16): string {
  const sets = ["ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", "!@#$%^&*-_=+"];
  const all = sets.join("");
  const pick = (chars: string) => {
    const buf = new Uint32Array(1);
    globalThis.crypto.getRandomValues(buf);
    return chars[buf[0]! % chars.length]!;
  };
  const out = sets.map(pick);
  while (out.length < length) out.push(pick(all));
  for (let i = out.length - 1; i > 0; i--) {
    const buf = new Uint32Array(1);
    globalThis.crypto.getRandomValues(buf);
    const j = buf[0]! % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out.join("");
}
