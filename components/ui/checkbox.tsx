import type * as React from "react";
import { cn } from "./cn";

/** A native checkbox inside its label: the label text is its accessible name. */
export function Checkbox({
  label,
  className,
  ...props
}: Omit<React.ComponentProps<"input">, "type"> & { label: string }) {
  return (
    <label className={cn("flex items-center gap-2 text-sm", props.disabled && "opacity-60", className)}>
      <input type="checkbox" className="h-4 w-4 accent-primary" {...props} />
      {label}
    </label>
  );
}
