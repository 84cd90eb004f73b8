"use client";
import type * as React from "react";
import { cn } from "./cn";
import { useFieldControlProps } from "./label";

// Inside a Field, each control is marked invalid and described by the Field's message or hint.

/** The counter shows from this share of the limit on, so it speaks up only near the limit. */
const NEAR_LIMIT = 0.8;

/**
 * "112 of 120 characters" under a text control with a `maxLength` (from its schema's constant), shown
 * near the limit only. The browser stops typing at the limit; the counter says why nothing more appears.
 */
function LengthCounter({ id, length, max }: { id?: string; length: number; max: number }) {
  const near = length >= Math.floor(max * NEAR_LIMIT);
  return (
    <p
      id={id ? `${id}-count` : undefined}
      aria-live="polite"
      data-length-counter=""
      className={cn(
        "text-right text-xs tabular-nums empty:hidden",
        length >= max ? "text-amber-800" : "text-muted-foreground",
      )}
    >
      {near ? `${length} of ${max} characters${length >= max ? " (the limit)" : ""}` : ""}
    </p>
  );
}

const lengthOf = (value: unknown) => (typeof value === "string" ? value.length : null);

export function Input({
  className,
  showCount = true,
  ...props
}: React.ComponentProps<"input"> & {
  /** False where a counter has no room (a control in a row with a button); `maxLength` still holds. */
  showCount?: boolean;
}) {
  const length = lengthOf(props.value);
  const input = (
    <input
      className={cn(
        "flex h-9 w-full rounded-md border bg-card px-3 py-1 text-sm shadow-xs placeholder:text-muted-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring disabled:opacity-50 aria-invalid:border-destructive",
        className,
      )}
      {...props}
      {...useFieldControlProps(props)}
    />
  );
  // A password's length is not shown to someone looking over the shoulder.
  if (!showCount || props.maxLength == null || length == null || props.type === "password") return input;
  return (
    <>
      {input}
      <LengthCounter id={props.id} length={length} max={props.maxLength} />
    </>
  );
}

export function Textarea({ className, ...props }: React.ComponentProps<"textarea">) {
  const length = lengthOf(props.value);
  const textarea = (
    <textarea
      className={cn(
        "flex min-h-20 w-full rounded-md border bg-card px-3 py-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring aria-invalid:border-destructive",
        className,
      )}
      {...props}
      {...useFieldControlProps(props)}
    />
  );
  if (props.maxLength == null || length == null) return textarea;
  return (
    <>
      {textarea}
      <LengthCounter id={props.id} length={length} max={props.maxLength} />
    </>
  );
}

/** A native select styled like the inputs: accessible and testable without portals. */
export function NativeSelect({ className, ...props }: React.ComponentProps<"select">) {
  return (
    <select
      className={cn(
        "flex h-9 w-full rounded-md border bg-card px-3 py-1 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring aria-invalid:border-destructive",
        className,
      )}
      {...props}
      {...useFieldControlProps(props)}
    />
  );
}
