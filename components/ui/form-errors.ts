/**
 * A form's refusals, from its own check (the server's zod schema) or from the server's answer, as
 * { "field.path": message }. `useFieldErrors` keeps them; `<Form>` (form.tsx) shows each beside its
 * field, focuses the first one and clears a field's message when that field changes.
 */
import { createContext, useCallback, useState } from "react";
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

/** Field errors a tRPC error carries (zod paths, or a DomainError's `field`), if any. */
export function serverFieldErrors(error: unknown): FieldErrors {
  const data = (error as { data?: { fieldErrors?: FieldErrors | null } } | null)?.data;
  return data?.fieldErrors ?? {};
}

/** `key` is about the field `name` itself or a part of it ("domains.0" is about "domains"). */
export const isAbout = (key: string, name: string) => key === name || key.startsWith(`${name}.`);

/**
 * What a server error shows: its field errors under this form's names (`aliases`), or, when it
 * names no field, its message.
 */
export function fromServer(
  error: unknown,
  aliases: Record<string, string> = {},
): { errors: FieldErrors; message: string | null } {
  const errors = Object.fromEntries(
    Object.entries(serverFieldErrors(error)).map(([key, message]) => [aliases[key] ?? key, message]),
  );
  const message = error && Object.keys(errors).length === 0 ? messageOf(error) : null;
  return { errors, message };
}

/** The messages no field on screen shows: the form-wide message, then errors about absent fields. */
export function unplacedMessages(errors: FieldErrors, message: string | null, fields: readonly string[]): string[] {
  const messages = [
    ...(message ? [message] : []),
    ...Object.entries(errors)
      .filter(([key]) => !fields.some((name) => isAbout(key, name)))
      .map(([, m]) => m),
  ];
  return messages.filter((m, i) => messages.indexOf(m) === i);
}

interface Shown {
  /** The server error these came from (null: the form's own check). */
  source: unknown;
  errors: FieldErrors;
  /** A refusal about no particular field. */
  message: string | null;
  /** Counts failed submits, so the form knows when to bring the first problem into view. */
  attempt: number;
}

export type FormErrors = ReturnType<typeof useFieldErrors>;

/**
 * The errors a form shows. Pass the mutation's error: a new one replaces what is shown (its field
 * errors beside their fields, else its message above the form). `aliases` renames the server's
 * keys for this form, e.g. { password: "admin.password" } where a nested service names its own.
 */
export function useFieldErrors(serverError?: unknown, options: { aliases?: Record<string, string> } = {}) {
  const [shown, setShown] = useState<Shown>({ source: null, errors: {}, message: null, attempt: 0 });
  const [fields, setFields] = useState<readonly string[]>([]);

  // A new answer from the server replaces what is shown (React's "adjust state while rendering").
  if ((serverError ?? null) !== shown.source) {
    const answer = fromServer(serverError, options.aliases);
    setShown({ source: serverError ?? null, ...answer, attempt: shown.attempt + (serverError ? 1 : 0) });
  }

  const setErrors = useCallback((errors: FieldErrors) => {
    setShown((s) => ({ ...s, errors, message: null, attempt: s.attempt + 1 }));
  }, []);
  /** Validates with the server's schema: the data when valid, else null with the problems shown. */
  const check = <S extends z.ZodType>(schema: S, values: unknown): z.infer<S> | null => {
    const result = validate(schema, values);
    if (result.ok) setShown((s) => ({ ...s, errors: {}, message: null }));
    else setErrors(result.errors);
    return result.ok ? result.data : null;
  };
  /** Forgets the messages about `name` (it was changed). */
  const clear = useCallback((name: string) => {
    setShown((s) =>
      Object.keys(s.errors).some((key) => isAbout(key, name))
        ? { ...s, errors: Object.fromEntries(Object.entries(s.errors).filter(([key]) => !isAbout(key, name))) }
        : s,
    );
  }, []);
  /** The message about `name` (or one of its parts). */
  const fieldError = (name: string): string | undefined =>
    shown.errors[name] ?? Object.entries(shown.errors).find(([key]) => isAbout(key, name))?.[1];
  /** A field shown in the form: its messages go beside it rather than above the form. */
  const register = useCallback((name: string) => {
    setFields((f) => [...f, name]);
    return () => setFields((f) => f.filter((n, i) => n !== name || f.indexOf(name) !== i));
  }, []);
  /** What no field on screen shows: the answer's message, or errors about fields not in the form. */
  const formMessages = unplacedMessages(shown.errors, shown.message, fields);

  return {
    errors: shown.errors,
    attempt: shown.attempt,
    formMessages,
    setErrors,
    check,
    clear,
    fieldError,
    register,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error || (typeof error === "object" && error && "message" in error)
    ? String((error as { message: unknown }).message)
    : "Something went wrong. Please try again.";
}

/** The form's errors for the fields inside it (provided by `<Form>`). */
export const FormErrorsContext = createContext<FormErrors | null>(null);
