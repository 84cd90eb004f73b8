"use client";
/**
 * The in-app question before a destructive or risky action: it says what will be lost, may ask the
 * person to type a name first (deleting a tenant), and may offer a gentler alternative (Suspend)
 * beside Cancel. Confirming runs `onConfirm`; the caller closes the dialog when the action is done.
 */
import * as React from "react";
import { Alert } from "./alert";
import { Button } from "./button";
import { Dialog, DialogCancel, DialogContent } from "./dialog";
import { Input } from "./input";
import { Label } from "./label";

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  /** What happens and what will be lost, in plain words (counts where known). */
  children: React.ReactNode;
  confirmLabel: string;
  /** Gets the typed name (when `typeToConfirm` asks for one), so the server can check it too. */
  onConfirm: (typed: string) => void;
  /** Destructive actions get a red button; risky but reversible ones (Lock) a normal one. */
  destructive?: boolean;
  pending?: boolean;
  /** The refusal of the last attempt, shown in the dialog. */
  error?: string | null;
  /** A name the person must type before the button works. */
  typeToConfirm?: string;
  /** A gentler action offered instead, e.g. Suspend. */
  alternative?: { label: string; onSelect: () => void };
  /** Where focus goes when the dialog closes, when what opened it is gone (a menu item). */
  returnFocus?: () => HTMLElement | null;
}

export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  children,
  confirmLabel,
  onConfirm,
  destructive = false,
  pending = false,
  error,
  typeToConfirm,
  alternative,
  returnFocus,
}: ConfirmDialogProps) {
  const [typed, setTyped] = React.useState("");
  const id = React.useId();
  // Typed text never carries over to the next time the dialog opens.
  React.useEffect(() => {
    if (!open) setTyped("");
  }, [open]);
  const matches = typeToConfirm === undefined || typed.trim() === typeToConfirm.trim();
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      {open ? (
        <DialogContent
          title={title}
          onCloseAutoFocus={(e) => {
            const target = returnFocus?.();
            if (target) {
              e.preventDefault();
              target.focus();
            }
          }}
        >
          <form
            className="grid gap-4"
            onSubmit={(e) => {
              e.preventDefault();
              // React passes events up through portals: a dialog opened from inside a form must
              // not submit that form too.
              e.stopPropagation();
              if (matches && !pending) onConfirm(typed.trim());
            }}
          >
            <div className="grid gap-2 text-sm">{children}</div>
            {error ? <Alert variant="error">{error}</Alert> : null}
            {typeToConfirm !== undefined ? (
              <div className="grid gap-2">
                <Label htmlFor={`${id}-name`}>
                  Type <span className="font-semibold">{typeToConfirm}</span> to confirm
                </Label>
                <Input id={`${id}-name`} autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
              </div>
            ) : null}
            <div className="flex flex-wrap justify-end gap-2">
              <DialogCancel />
              {alternative ? (
                <Button type="button" variant="outline" onClick={alternative.onSelect} disabled={pending}>
                  {alternative.label}
                </Button>
              ) : null}
              <Button type="submit" variant={destructive ? "destructive" : "default"} disabled={!matches || pending}>
                {confirmLabel}
              </Button>
            </div>
          </form>
        </DialogContent>
      ) : null}
    </Dialog>
  );
}
