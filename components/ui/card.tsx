import type * as React from "react";
import { cn } from "./cn";

export function Card({ className, ...props }: React.ComponentProps<"div">) {
  return <div className={cn("rounded-lg border bg-card shadow-xs", className)} {...props} />;
}
export function CardHeader({ className, ...props }: React.ComponentProps<"div">) {
  return <div className={cn("flex flex-col gap-1 p-3 pb-2 md:p-5 md:pb-3", className)} {...props} />;
}
export function CardTitle({ className, ...props }: React.ComponentProps<"h2">) {
  return <h2 className={cn("text-lg font-semibold", className)} {...props} />;
}
export function CardDescription({ className, ...props }: React.ComponentProps<"p">) {
  return <p className={cn("text-sm text-muted-foreground", className)} {...props} />;
}
/**
 * Under a CardHeader the content needs no top padding of its own (the header's bottom padding is the
 * gap); as a card's first child it gets the card's full padding, at every width.
 */
export function CardContent({ className, ...props }: React.ComponentProps<"div">) {
  return <div className={cn("p-3 pt-0 first:pt-3 md:p-5 md:pt-0 md:first:pt-5", className)} {...props} />;
}
