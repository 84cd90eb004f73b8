"use client";
/** A button that asks first, in an in-app dialog, and calls `onConfirm` only if the person agrees. */
import * as React from "react";
import { Button } from "./button";
import { ConfirmDialog } from "./confirm-dialog";

export function ConfirmButton({
  title,
  message,
  confirmLabel,
  destructive = true,
  onConfirm,
  children,
  ...props
}: Omit<React.ComponentProps<typeof Button>, "onClick" | "title"> & {
  /** The dialog's heading, e.g. "Delete trunk Main?". */
  title: string;
  /** What will happen and what will be lost. */
  message: React.ReactNode;
  /** The confirming button's label; the button's own text by default. */
  confirmLabel?: string;
  destructive?: boolean;
  onConfirm: () => void;
}) {
  const [open, setOpen] = React.useState(false);
  return (
    <>
      <Button {...props} onClick={() => setOpen(true)}>
        {children}
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={title}
        destructive={destructive}
        confirmLabel={confirmLabel ?? (typeof children === "string" ? children : "Confirm")}
        onConfirm={() => {
          setOpen(false);
          onConfirm();
        }}
      >
        <p>{message}</p>
      </ConfirmDialog>
    </>
  );
}
