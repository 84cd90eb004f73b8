/** Client-side validation with the same zod schema the server uses, as { "field.path": message }. */
import { useState } from "react";
import type { z } from "zod";

export type FieldErrors = Record<string, string>;

export function validate<S extends z.ZodType>(
  schema: S,
  values: unknown,
): { ok: true; data: z.infer<S> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".");
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

/** Field errors a tRPC error carries (from the server's zod validation), if any. */
export function serverFieldErrors(error: unknown): FieldErrors {
  const data = (error as { data?: { fieldErrors?: FieldErrors | null } } | null)?.data;
  return data?.fieldErrors ?? {};
}

/**
 * Field errors for a form: `check` validates with the server's schema (showing problems, returning
 * null when invalid); `fieldError` gives a field's message from that check or from the server's answer.
 */
export function useFieldErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const check = <S extends z.ZodType>(schema: S, values: unknown): z.infer<S> | null => {
    const result = validate(schema, values);
    setErrors(result.ok ? {} : result.errors);
    return result.ok ? result.data : null;
  };
  const fieldError = (key: string, serverError: unknown): string | undefined =>
    errors[key] ?? serverFieldErrors(serverError)[key];
  return { errors, setErrors, check, fieldError };
}
