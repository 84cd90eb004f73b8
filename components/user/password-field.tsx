"use client";
import { PasswordRules } from "@/components/shell/password-rules";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { generatePassword, type PasswordPolicy, type PersonalInfo } from "@/lib/password-policy";
import { PASSWORD_MAX } from "@/lib/schemas/user";

/**
 * Password with "Generate". Shown as plain text on purpose: the admin has to pass it on.
 * The live rules are the site's, so they are shown only when that is the policy that applies.
 * Always someone else's password (new user, set password), so the rules say "their name".
 */
export function PasswordField({
  id,
  value,
  onChange,
  name = "password",
  showRules,
  policy,
  person,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  /** The key of its errors in the surrounding form. */
  name?: string;
  showRules: boolean;
  /** The rules of the organisation the password is for, when not the site's own. */
  policy?: PasswordPolicy | null;
  person?: PersonalInfo;
}) {
  return (
    <Field label="Password" htmlFor={id} name={name}>
      <div className="flex gap-2">
        <Input
          id={id}
          type="text"
          value={value}
          maxLength={PASSWORD_MAX}
          showCount={false}
          onChange={(e) => onChange(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          className="font-mono"
        />
        <Button type="button" variant="outline" onClick={() => onChange(generatePassword())}>
          Generate
        </Button>
      </div>
      {(showRules || policy) && value ? (
        <PasswordRules password={value} policy={policy} person={person} owner="them" />
      ) : null}
    </Field>
  );
}
