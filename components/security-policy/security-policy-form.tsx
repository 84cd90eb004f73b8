"use client";
/** One organisation's password, lockout and session rules, validated with the router's own schema. */
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form, FormAlert } from "@/components/ui/form";
import { useFieldErrors } from "@/components/ui/form-errors";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import {
  SECURITY_POLICY_BOUNDS,
  type SecurityPolicyFields,
  securityPolicyUpdateSchema,
} from "@/lib/schemas/security-policy";

type NumberKey = {
  [K in keyof SecurityPolicyFields]: SecurityPolicyFields[K] extends boolean ? never : K;
}[keyof SecurityPolicyFields];
type BoolKey = Exclude<keyof SecurityPolicyFields, NumberKey>;

interface NumberSpec {
  key: NumberKey;
  label: string;
  hint: string;
}

/** "6 to 128", from the schema's bounds. */
const range = (key: NumberKey) => SECURITY_POLICY_BOUNDS[key].join(" to ");

const PASSWORD_FIELDS: NumberSpec[] = [
  { key: "minLength", label: "Minimum password length", hint: `${range("minLength")} characters.` },
  { key: "minUpper", label: "Minimum upper-case letters", hint: `${range("minUpper")}.` },
  { key: "minLower", label: "Minimum lower-case letters", hint: `${range("minLower")}.` },
  { key: "minDigits", label: "Minimum digits", hint: `${range("minDigits")}.` },
  { key: "minSpecial", label: "Minimum special characters", hint: `${range("minSpecial")}, e.g. ! @ # -` },
  {
    key: "historyCount",
    label: "Password history",
    hint: `How many previous passwords cannot be reused (${range("historyCount")}).`,
  },
  {
    key: "maxAgeDays",
    label: "Password expiry (days)",
    hint: `${range("maxAgeDays")}. Leave empty: passwords do not expire.`,
  },
  {
    key: "minAgeDays",
    label: "Minimum password age (days)",
    hint: `${range("minAgeDays")}. How long before people may change their own password again (stops cycling through the history).`,
  },
];
const SIGN_IN_FIELDS: NumberSpec[] = [
  {
    key: "lockoutThreshold",
    label: "Failed attempts before lockout",
    hint: `${range("lockoutThreshold")} wrong passwords in a row.`,
  },
  { key: "lockoutMinutes", label: "Lockout duration (minutes)", hint: `${range("lockoutMinutes")}.` },
  {
    key: "sessionTimeoutMinutes",
    label: "Session timeout (minutes)",
    hint: `Signed out after this long without activity (${range("sessionTimeoutMinutes")}).`,
  },
];
const BOOLEANS: { key: BoolKey; label: string }[] = [
  { key: "excludePersonalInfo", label: "Passwords may not contain the person's name, username or email" },
  { key: "forceChangeOnFirstLogin", label: "New users must change their password at first sign-in" },
];

const NUMBERS = [...PASSWORD_FIELDS, ...SIGN_IN_FIELDS];

/** Empty is "no expiry" for the expiry and "missing" (NaN → a clear zod message) elsewhere. */
const toNumber = (key: NumberKey, v: string) =>
  v.trim() === "" ? (key === "maxAgeDays" ? null : Number.NaN) : Number(v);

export function SecurityPolicyForm({ policy, tenantId }: { policy: SecurityPolicyFields; tenantId?: string }) {
  const utils = trpc.useUtils();
  const [numbers, setNumbers] = useState(
    () =>
      Object.fromEntries(NUMBERS.map(({ key }) => [key, policy[key] == null ? "" : String(policy[key])])) as Record<
        NumberKey,
        string
      >,
  );
  const [flags, setFlags] = useState<Record<BoolKey, boolean>>({
    excludePersonalInfo: policy.excludePersonalInfo,
    forceChangeOnFirstLogin: policy.forceChangeOnFirstLogin,
  });
  const [notice, setNotice] = useState<string | null>(null);
  const save = trpc.securityPolicy.update.useMutation({
    onSuccess: () => {
      setNotice("Security policy saved. It applies from the next sign-in or password change.");
      void utils.securityPolicy.get.invalidate();
    },
  });
  const errors = useFieldErrors(save.error);
  const { check } = errors;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setNotice(null);
    const values = Object.fromEntries(NUMBERS.map(({ key }) => [key, toNumber(key, numbers[key])]));
    const valid = check(securityPolicyUpdateSchema, { ...values, ...flags, tenantId });
    if (!valid) return;
    save.mutate(valid);
  }

  return (
    <Form errors={errors} onSubmit={submit} className="grid gap-5">
      {notice ? <Alert variant="success">{notice}</Alert> : null}
      <FormAlert />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold">Passwords</legend>
        {PASSWORD_FIELDS.map((f) => (
          <NumberField
            key={f.key}
            spec={f}
            value={numbers[f.key]}
            onChange={(value) => setNumbers({ ...numbers, [f.key]: value })}
          />
        ))}
      </fieldset>
      <div className="grid gap-2">
        {BOOLEANS.map(({ key, label }) => (
          <label key={key} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              id={`sp-${key}`}
              checked={flags[key]}
              onChange={(e) => setFlags({ ...flags, [key]: e.target.checked })}
            />
            {label}
          </label>
        ))}
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold">Sign-in and sessions</legend>
        {SIGN_IN_FIELDS.map((f) => (
          <NumberField
            key={f.key}
            spec={f}
            value={numbers[f.key]}
            onChange={(value) => setNumbers({ ...numbers, [f.key]: value })}
          />
        ))}
      </fieldset>
      <div className="flex justify-end">
        <Button type="submit" disabled={save.isPending}>
          Save policy
        </Button>
      </div>
    </Form>
  );
}

function NumberField(props: { spec: NumberSpec; value: string; onChange: (v: string) => void }) {
  const id = `sp-${props.spec.key}`;
  return (
    <Field label={props.spec.label} htmlFor={id} name={props.spec.key} hint={props.spec.hint}>
      <Input
        id={id}
        type="number"
        min={SECURITY_POLICY_BOUNDS[props.spec.key][0]}
        max={SECURITY_POLICY_BOUNDS[props.spec.key][1]}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </Field>
  );
}
