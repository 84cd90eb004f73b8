"use client";
import { useState } from "react";
import type { FormErrors } from "@/components/ui/form-errors";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import type { PasswordPolicy, PersonalInfo } from "@/lib/password-policy";
import { PASSWORD_MAX } from "@/lib/schemas/user";
import { PasswordRules } from "./password-rules";

const MISMATCH = "The passwords do not match.";

/**
 * "New password" + live rules + "Repeat new password", shared by change and reset, inside a `<Form>`.
 * `confirmed(errors)` tells the form whether the two match (and shows the mismatch beside the repeat).
 * `rules` are whose password it is and their organisation's policy, once known, so the live rules
 * check what the submit will check (the person's name included).
 */
export function useNewPassword(rules: { policy?: PasswordPolicy | null; person?: PersonalInfo | null } = {}) {
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const confirmed = (errors: FormErrors) => {
    if (password !== confirm) errors.setErrors({ confirmPassword: MISMATCH });
    return password === confirm;
  };
  /** `name` is the new password's key in the form's request (and so in the server's errors). */
  const fields = (name: string) => (
    <>
      <Field label="New password" htmlFor="new-password" name={name}>
        <Input
          id="new-password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          maxLength={PASSWORD_MAX}
          required
        />
      </Field>
      <PasswordRules password={password} policy={rules.policy} person={rules.person} />
      <Field label="Repeat new password" htmlFor="confirm-password" name="confirmPassword">
        <Input
          id="confirm-password"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          maxLength={PASSWORD_MAX}
          required
        />
      </Field>
    </>
  );
  return { password, confirmed, fields };
}
