"use client";
import { useState } from "react";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { PasswordRules } from "./password-rules";

/**
 * "New password" + live rules + "Repeat new password", shared by change and reset.
 * `confirmed()` tells the form whether the two match (and shows the mismatch if not).
 */
export function useNewPassword() {
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const confirmed = () => {
    setMismatch(password !== confirm);
    return password === confirm;
  };
  const fields = (error?: string | null) => (
    <>
      <Field label="New password" htmlFor="new-password" error={error}>
        <Input
          id="new-password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </Field>
      <PasswordRules password={password} />
      <Field
        label="Repeat new password"
        htmlFor="confirm-password"
        error={mismatch ? "The passwords do not match." : null}
      >
        <Input
          id="confirm-password"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          required
        />
      </Field>
    </>
  );
  return { password, confirmed, fields };
}
