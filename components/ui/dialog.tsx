"use client";
/**
 * Dialogs: a full-screen sheet on phones, a centred card from 768 px. Each has a × ("Close") in its
 * corner; Esc closes it and focus goes back to what opened it (Radix). Forms inside put a Cancel
 * beside their submit button with `<FormActions>`, which knows it is in a dialog from this context.
 */
import { XIcon } from "lucide-react";
import { Dialog as DialogPrimitive } from "radix-ui";
import * as React from "react";
import { Button } from "./button";
import { cn } from "./cn";

export const Dialog = DialogPrimitive.Root;
export const DialogTrigger = DialogPrimitive.Trigger;
export const DialogClose = DialogPrimitive.Close;

const InDialogContext = React.createContext(false);
/** True inside a `<DialogContent>`. */
export const useInDialog = () => React.useContext(InDialogContext);

export function DialogContent({
  className,
  title,
  description,
  children,
  onCloseAutoFocus,
  ...props
}: React.ComponentProps<typeof DialogPrimitive.Content> & { title: string; description?: string }) {
  // What had focus when the dialog opened (the button that opened it), taken at the first render,
  // before anything in the dialog is focused: focus goes back there on close, also for dialogs
  // opened from state rather than a DialogTrigger.
  const [opener] = React.useState(() =>
    typeof document === "undefined" ? null : (document.activeElement as HTMLElement | null),
  );
  return (
    <DialogPrimitive.Portal>
      <DialogPrimitive.Overlay className="fixed inset-0 z-40 bg-black/40" />
      <DialogPrimitive.Content
        className={cn(
          "fixed inset-0 z-50 overflow-y-auto bg-card p-4 pt-5",
          "md:inset-auto md:left-1/2 md:top-1/2 md:max-h-[90vh] md:w-[calc(100%-2rem)] md:max-w-xl md:-translate-x-1/2 md:-translate-y-1/2 md:rounded-lg md:border md:p-6 md:shadow-lg",
          className,
        )}
        {...props}
        onEscapeKeyDown={(e) => {
          props.onEscapeKeyDown?.(e);
          // Esc in an open combobox (the time zone picker) closes its list, not the whole dialog.
          const focused = document.activeElement;
          if (focused?.getAttribute("role") === "combobox" && focused.getAttribute("aria-expanded") === "true") {
            e.preventDefault();
          }
        }}
        onCloseAutoFocus={(e) => {
          onCloseAutoFocus?.(e);
          if (e.defaultPrevented || !opener?.isConnected || opener === document.body) return;
          e.preventDefault();
          opener.focus();
        }}
      >
        <DialogPrimitive.Title className="pr-10 text-lg font-semibold">{title}</DialogPrimitive.Title>
        {description ? (
          <DialogPrimitive.Description className="mb-4 text-sm text-muted-foreground">
            {description}
          </DialogPrimitive.Description>
        ) : (
          <DialogPrimitive.Description className="sr-only">{title}</DialogPrimitive.Description>
        )}
        <DialogPrimitive.Close
          aria-label="Close"
          className="absolute top-3 right-3 inline-flex size-9 items-center justify-center rounded-md text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring md:top-4 md:right-4"
        >
          <XIcon aria-hidden className="size-4" />
        </DialogPrimitive.Close>
        <InDialogContext.Provider value={true}>
          <div className="mt-4">{children}</div>
        </InDialogContext.Provider>
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

/** The dialog's Cancel button: closes it without doing anything. */
export function DialogCancel({ children = "Cancel", ...props }: React.ComponentProps<typeof Button>) {
  return (
    <DialogPrimitive.Close asChild>
      <Button type="button" variant="outline" {...props}>
        {children}
      </Button>
    </DialogPrimitive.Close>
  );
}

/** A form's button row; inside a dialog it starts with Cancel (labelled `cancelLabel`, e.g. "Done"). */
export function FormActions({
  children,
  cancelLabel = "Cancel",
  className,
}: {
  children: React.ReactNode;
  cancelLabel?: string;
  className?: string;
}) {
  const inDialog = useInDialog();
  return (
    <div className={cn("flex flex-wrap justify-end gap-2", className)}>
      {inDialog ? <DialogCancel>{cancelLabel}</DialogCancel> : null}
      {children}
    </div>
  );
}
