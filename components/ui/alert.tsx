import type * as React from "react";
import { cn } from "./cn";

export function Alert({
  variant = "info",
  className,
  ...props
}: React.ComponentProps<"div"> & { variant?: "info" | "warning" | "error" | "success" }) {
  return (
    <div
      role={variant === "error" ? "alert" : "status"}
      className={cn(
        "rounded-md border px-4 py-3 text-sm",
        variant === "error" && "border-red-200 bg-red-50 text-red-900",
        variant === "success" && "border-green-200 bg-green-50 text-green-900",
        variant === "info" && "border-blue-200 bg-blue-50 text-blue-900",
        variant === "warning" && "border-amber-300 bg-amber-50 text-amber-950",
        className,
      )}
      {...props}
    />
  );
}
