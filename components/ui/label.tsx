"use client";
import { Label as LabelPrimitive } from "radix-ui";
import * as React from "react";
import { cn } from "./cn";
import { FIELD_NAME_ATTRIBUTE, useFormField } from "./form";

export function Label({ className, ...props }: React.ComponentProps<typeof LabelPrimitive.Root>) {
  return <LabelPrimitive.Root className={cn("text-sm font-medium leading-none", className)} {...props} />;
}

/** What a field's control needs to point at its message and hint (read by Input, Textarea, NativeSelect). */
export interface FieldControl {
  id: string;
  invalid: boolean;
  describedBy: string | undefined;
}
export const FieldControlContext = React.createContext<FieldControl | null>(null);

/** The aria attributes of the control whose id is the surrounding Field's `htmlFor`. */
export function useFieldControlProps(props: {
  id?: string;
  "aria-invalid"?: React.AriaAttributes["aria-invalid"];
  "aria-describedby"?: string;
}) {
  const field = React.useContext(FieldControlContext);
  if (!field || field.id !== props.id) return {};
  return {
    "aria-invalid": props["aria-invalid"] ?? (field.invalid || undefined),
    "aria-describedby": [props["aria-describedby"], field.describedBy].filter(Boolean).join(" ") || undefined,
  };
}

/**
 * Label + control + message, the unit every form is made of. Inside a `<Form>`, `name` (the input's
 * key, e.g. "admin.password") takes the message from the form's errors; `error` gives one directly.
 */
export function Field({
  label,
  htmlFor,
  name,
  error: given,
  hint,
  children,
}: {
  label: string;
  htmlFor: string;
  name?: string;
  error?: string | null;
  hint?: string;
  children: React.ReactNode;
}) {
  const fromForm = useFormField(name);
  const error = given || fromForm;
  const errorId = `${htmlFor}-error`;
  const hintId = `${htmlFor}-hint`;
  const showHint = Boolean(hint && !error);
  const control = React.useMemo<FieldControl>(
    () => ({ id: htmlFor, invalid: Boolean(error), describedBy: error ? errorId : showHint ? hintId : undefined }),
    [htmlFor, error, errorId, hintId, showHint],
  );
  return (
    // content-start: a field stretched to its row's height (a neighbour has a hint or an error) keeps
    // its label and control at the top, level with the neighbour's, instead of spreading them out.
    <div className="grid content-start gap-1.5" {...(name ? { [FIELD_NAME_ATTRIBUTE]: name } : {})}>
      <Label htmlFor={htmlFor}>{label}</Label>
      <FieldControlContext.Provider value={control}>{children}</FieldControlContext.Provider>
      {showHint ? (
        <p id={hintId} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} role="alert" className="text-xs text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
