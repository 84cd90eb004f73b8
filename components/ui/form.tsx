"use client";
/**
 * A form that shows its refusals where a person sees them: each beside its field (`<Field name=…>`),
 * the first problem focused and scrolled into view after a failed submit (also inside a scrolling
 * dialog), and a field's message gone as soon as that field is changed. A refusal about no field on
 * screen appears in `<FormAlert />`, which is brought into view the same way.
 */
import type * as React from "react";
import { useContext, useEffect, useRef } from "react";
import { Alert } from "./alert";
import { type FormErrors, FormErrorsContext } from "./form-errors";

/** The element that carries a field's name, so a change inside it clears that field's message. */
export const FIELD_NAME_ATTRIBUTE = "data-field-name";

export function Form({
  errors,
  children,
  ...props
}: Omit<React.ComponentProps<"form">, "onChange"> & { errors: FormErrors }) {
  const ref = useRef<HTMLFormElement>(null);
  const { attempt, clear } = errors;

  useEffect(() => {
    const form = ref.current;
    if (!attempt || !form) return;
    const problem =
      form.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.querySelector<HTMLElement>("[data-form-alert]");
    if (!problem) return;
    problem.scrollIntoView({ block: "center" });
    problem.focus({ preventScroll: true });
  }, [attempt]);

  // A changed value (typed, picked, ticked, or set by a button such as "Generate") makes its message stale.
  const clearAround = (target: EventTarget) => {
    if (!(target instanceof Element)) return;
    const name = target.closest(`[${FIELD_NAME_ATTRIBUTE}]`)?.getAttribute(FIELD_NAME_ATTRIBUTE);
    if (name) clear(name);
  };

  return (
    <FormErrorsContext.Provider value={errors}>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: it only listens; Enter and Space on a button click it too */}
      <form
        ref={ref}
        method="post"
        noValidate
        {...props}
        onChange={(e) => clearAround(e.target)}
        onClick={(e) => {
          const button = e.target instanceof Element ? e.target.closest("button") : null;
          if (button?.type === "button") clearAround(button);
        }}
      >
        {children}
      </form>
    </FormErrorsContext.Provider>
  );
}

/** The form's refusals that belong to no field on screen (e.g. "Tenant not found."). */
export function FormAlert({ className }: { className?: string }) {
  const errors = useContext(FormErrorsContext);
  const messages = errors?.formMessages ?? [];
  if (messages.length === 0) return null;
  return (
    <Alert variant="error" className={className} tabIndex={-1} data-form-alert="">
      {messages.length === 1 ? (
        messages[0]
      ) : (
        <ul className="list-disc pl-5">
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

/**
 * A field's message from the surrounding `<Form>`, and its registration there (so its messages are
 * shown beside it, not in the form's alert). Outside a form it gives nothing.
 */
export function useFormField(name: string | undefined): string | undefined {
  const errors = useContext(FormErrorsContext);
  const register = errors?.register;
  useEffect(() => (name && register ? register(name) : undefined), [name, register]);
  return name && errors ? errors.fieldError(name) : undefined;
}
