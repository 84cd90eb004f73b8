import type * as React from "react";
import { cn } from "./cn";
import { ScrollRegion } from "./scroll-region";

/** `label` names the table's scroll box for screen readers when the table is wider than the page. */
export function Table({ className, label = "Table", ...props }: React.ComponentProps<"table"> & { label?: string }) {
  return (
    <ScrollRegion label={label}>
      <table className={cn("w-full caption-bottom text-sm", className)} {...props} />
    </ScrollRegion>
  );
}
export function THead(props: React.ComponentProps<"thead">) {
  return <thead className="border-b bg-muted/50" {...props} />;
}
export function TBody(props: React.ComponentProps<"tbody">) {
  return <tbody className="[&_tr:last-child]:border-0" {...props} />;
}
export function TR({ className, ...props }: React.ComponentProps<"tr">) {
  return <tr className={cn("border-b hover:bg-muted/30", className)} {...props} />;
}
export function TH({ className, ...props }: React.ComponentProps<"th">) {
  return (
    <th
      className={cn("h-9 px-2 text-left align-middle font-medium text-muted-foreground md:px-3", className)}
      {...props}
    />
  );
}
export function TD({ className, ...props }: React.ComponentProps<"td">) {
  return <td className={cn("px-2 py-2 align-middle md:px-3", className)} {...props} />;
}
