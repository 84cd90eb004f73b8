"use client";
/**
 * A list row's actions: one primary button (Edit) and the rest behind "⋯" in a menu, instead of a
 * stack of text buttons. The menu button is named after the row ("More actions for alice"), and
 * carries `data-row-menu` so a dialog opened from the menu can give focus back to it.
 */
import { MoreHorizontalIcon } from "lucide-react";
import { DropdownMenu } from "radix-ui";
import type * as React from "react";
import { cn } from "./cn";

export interface RowAction {
  label: string;
  onSelect: () => void;
  destructive?: boolean;
  disabled?: boolean;
}

/** The "⋯" button of row `rowId`, to focus after a dialog opened from its menu closes. */
export const rowMenuButton = (rowId: string) =>
  document.querySelector<HTMLElement>(`[data-row-menu="${CSS.escape(rowId)}"]`);

export function RowActions({
  rowId,
  rowName,
  primary,
  items,
}: {
  rowId: string;
  /** Names the row for screen readers, e.g. the username. */
  rowName: string;
  primary?: React.ReactNode;
  items: (RowAction | null | false)[];
}) {
  const actions = items.filter((a): a is RowAction => Boolean(a));
  return (
    <div className="flex items-center justify-end gap-1">
      {primary}
      {actions.length ? (
        <DropdownMenu.Root modal={false}>
          <DropdownMenu.Trigger
            aria-label={`More actions for ${rowName}`}
            data-row-menu={rowId}
            className="inline-flex size-8 items-center justify-center rounded-md hover:bg-muted focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring data-[state=open]:bg-muted"
          >
            <MoreHorizontalIcon aria-hidden className="size-4" />
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content
              align="end"
              sideOffset={4}
              collisionPadding={8}
              className="z-50 min-w-44 rounded-md border bg-card p-1 text-sm shadow-md"
            >
              {actions.map((a) => (
                <DropdownMenu.Item
                  key={a.label}
                  disabled={a.disabled}
                  onSelect={a.onSelect}
                  className={cn(
                    "cursor-pointer rounded-sm px-3 py-2 outline-none data-[disabled]:pointer-events-none data-[highlighted]:bg-muted data-[disabled]:opacity-50",
                    a.destructive && "text-destructive",
                  )}
                >
                  {a.label}
                </DropdownMenu.Item>
              ))}
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      ) : (
        // Keeps Edit in line with the rows that have a menu.
        <span aria-hidden className="size-8" />
      )}
    </div>
  );
}
