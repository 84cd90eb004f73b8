/** A button that asks `window.confirm(message)` first and calls `onConfirm` only if the person agrees. */
import type * as React from "react";
import { Button } from "./button";

export function ConfirmButton({
  message,
  onConfirm,
  ...props
}: Omit<React.ComponentProps<typeof Button>, "onClick"> & { message: string; onConfirm: () => void }) {
  return (
    <Button
      {...props}
      onClick={() => {
        if (window.confirm(message)) onConfirm();
      }}
    />
  );
}
