/** A dialog shown while `value` is set (a row being edited, "new"…) and closed by clearing it. */
import type * as React from "react";
import { Dialog, DialogContent } from "./dialog";

export function EditDialog<T>({
  value,
  onClose,
  title,
  description,
  children,
}: {
  value: T | null;
  onClose: () => void;
  title: (value: T) => string;
  description?: string;
  children: (value: T) => React.ReactNode;
}) {
  return (
    <Dialog open={value !== null} onOpenChange={(open) => !open && onClose()}>
      {value !== null ? (
        <DialogContent title={title(value)} description={description}>
          {children(value)}
        </DialogContent>
      ) : null}
    </Dialog>
  );
}
