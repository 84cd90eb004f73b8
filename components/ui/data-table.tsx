"use client";
/**
 * Every list in the portal: a card with a toolbar, a TanStack table, an empty state and server-side
 * pagination. Columns sort by their header (within the loaded page; the server pages and filters),
 * a list with optional columns gets a column chooser remembered per list in this browser, and on
 * phones only the key columns stay: the rest are one tap away under each row's key value.
 */
import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  type SortingState,
  useReactTable,
  type VisibilityState,
} from "@tanstack/react-table";
import { ArrowDownIcon, ArrowUpDownIcon, ArrowUpIcon, Columns3Icon } from "lucide-react";
import { DropdownMenu } from "radix-ui";
import * as React from "react";
import { Button } from "./button";
import { Card, CardContent } from "./card";
import { cn } from "./cn";
import { Pagination } from "./pagination";
import { Table, TBody, TD, TH, THead, TR } from "./table";

export interface DataColumn<T> {
  id: string;
  header: string;
  cell: (row: T) => React.ReactNode;
  /** Makes the column sortable by this value. */
  sortValue?: (row: T) => string | number | Date | null | undefined;
  /** Key columns stay on phones; the others show under the first column after a tap on "Details". */
  key?: boolean;
  /** Offered in the column chooser; `"hidden"` also starts hidden. */
  optional?: true | "hidden";
  /** Extra classes for the column's cells (e.g. "whitespace-nowrap"). */
  className?: string;
}

/** What the list says when it is empty: what to do next when nothing exists yet, or Clear filters. */
export interface EmptyState {
  /** e.g. "No users yet." */
  title: string;
  /** The next step, e.g. a sentence or a button. */
  next?: React.ReactNode;
  /** True while a search or filter narrows the list: then "no matches" and Clear filters are shown. */
  filtered: boolean;
  /** What the rows are, plural: "No users match these filters." */
  noun: string;
  onClearFilters?: () => void;
}

const storageKey = (id: string) => `faxport.columns.${id}`;

export function DataTable<T>({
  id,
  label,
  columns,
  data,
  rowId,
  rowName,
  actions,
  actionsOnPhones = true,
  toolbar,
  empty,
  page,
  pageSize,
  onPage,
}: {
  /** Names the list; the column choice is kept under it. */
  id: string;
  /** What the rows are, e.g. "Users": the table's accessible name. */
  label: string;
  columns: readonly (DataColumn<T> | null | false)[];
  /** The current page; `undefined` while it loads. */
  data: { items: readonly T[]; total: number } | undefined;
  rowId: (row: T) => string;
  /** Names a row for screen readers ("Details for alice"). */
  rowName: (row: T) => string;
  /** The row's primary action and "⋯" menu (RowActions), in the last column. */
  actions?: (row: T) => React.ReactNode;
  /**
   * False when the first column already links where the action goes: phones then leave the
   * actions column out, so the key columns keep the width.
   */
  actionsOnPhones?: boolean;
  toolbar?: React.ReactNode;
  empty: EmptyState;
  /** Omitted for lists that are not paginated. */
  page?: number;
  pageSize?: number;
  onPage?: (page: number) => void;
}) {
  const cols = React.useMemo(() => columns.filter((c): c is DataColumn<T> => Boolean(c)), [columns]);
  const [sorting, setSorting] = React.useState<SortingState>([]);
  // Keyed by a string: the columns are new objects on every render of the page.
  const hiddenByDefault = cols
    .filter((c) => c.optional === "hidden")
    .map((c) => c.id)
    .join(",");
  const defaults = React.useMemo<VisibilityState>(
    () => Object.fromEntries(hiddenByDefault.split(",").flatMap((c) => (c ? [[c, false]] : []))),
    [hiddenByDefault],
  );
  const [visibility, setVisibility] = React.useState<VisibilityState>(defaults);
  // The saved choice is read after hydration, so server and browser first render the same columns.
  React.useEffect(() => {
    try {
      const saved = window.localStorage.getItem(storageKey(id));
      if (saved) setVisibility({ ...defaults, ...(JSON.parse(saved) as VisibilityState) });
    } catch {
      // A broken or blocked store keeps the defaults.
    }
  }, [id, defaults]);
  const choose = (columnId: string, shown: boolean) => {
    setVisibility((v) => {
      const next = { ...v, [columnId]: shown };
      try {
        window.localStorage.setItem(storageKey(id), JSON.stringify(next));
      } catch {
        // Not remembered, still applied.
      }
      return next;
    });
  };

  const defs = React.useMemo<ColumnDef<T>[]>(
    () =>
      cols.map((c) => ({
        id: c.id,
        header: c.header,
        accessorFn: (row: T) => {
          const v = c.sortValue?.(row);
          return v instanceof Date ? v.getTime() : (v ?? undefined);
        },
        enableSorting: Boolean(c.sortValue),
        sortUndefined: "last",
        sortDescFirst: false,
        enableHiding: Boolean(c.optional),
        meta: c,
      })),
    [cols],
  );
  const items = React.useMemo(() => [...(data?.items ?? [])], [data]);
  const table = useReactTable({
    data: items,
    columns: defs,
    state: { sorting, columnVisibility: visibility },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (row) => rowId(row),
  });
  const visible = table.getVisibleLeafColumns().map((c) => c.columnDef.meta as DataColumn<T>);
  const [first, ...rest] = visible;
  const onPhoneLater = rest.filter((c) => !c.key);
  const optional = cols.filter((c) => c.optional);
  const span = visible.length + (actions ? 1 : 0);

  return (
    <Card>
      <CardContent>
        {toolbar || optional.length ? (
          <div className="mb-3 flex flex-wrap items-start justify-between gap-2">
            <div className="min-w-0 flex-1">{toolbar}</div>
            {optional.length ? <ColumnChooser columns={optional} visibility={visibility} onChoose={choose} /> : null}
          </div>
        ) : null}
        <Table label={label} aria-label={label}>
          <THead>
            {table.getHeaderGroups().map((group) => (
              <TR key={group.id}>
                {group.headers.map((h, i) => {
                  const meta = h.column.columnDef.meta as DataColumn<T>;
                  const sorted = h.column.getIsSorted();
                  return (
                    <TH
                      key={h.id}
                      className={cn(i > 0 && !meta.key && "hidden md:table-cell")}
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                    >
                      {h.column.getCanSort() ? (
                        <button
                          type="button"
                          onClick={h.column.getToggleSortingHandler()}
                          className="-mx-1 inline-flex items-center gap-1 rounded-sm px-1 hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                          title={`Sort by ${meta.header.toLowerCase()}`}
                        >
                          {flexRender(h.column.columnDef.header, h.getContext())}
                          {sorted === "asc" ? (
                            <ArrowUpIcon aria-hidden className="size-3.5" />
                          ) : sorted === "desc" ? (
                            <ArrowDownIcon aria-hidden className="size-3.5" />
                          ) : (
                            <ArrowUpDownIcon aria-hidden className="size-3.5 opacity-40" />
                          )}
                        </button>
                      ) : (
                        flexRender(h.column.columnDef.header, h.getContext())
                      )}
                    </TH>
                  );
                })}
                {actions ? (
                  <TH className={cn(!actionsOnPhones && "hidden md:table-cell")}>
                    <span className="sr-only">Actions</span>
                  </TH>
                ) : null}
              </TR>
            ))}
          </THead>
          <TBody>
            {table.getRowModel().rows.map((row) => (
              <TR key={row.id}>
                {first ? (
                  <TD className={cn("max-w-56 md:max-w-72", first.className)}>
                    {first.cell(row.original)}
                    {onPhoneLater.length ? (
                      <PhoneDetails name={rowName(row.original)} columns={onPhoneLater} row={row.original} />
                    ) : null}
                  </TD>
                ) : null}
                {rest.map((c) => (
                  <TD key={c.id} className={cn(!c.key && "hidden md:table-cell", c.className)}>
                    {c.cell(row.original)}
                  </TD>
                ))}
                {actions ? (
                  <TD className={cn("w-px whitespace-nowrap text-right", !actionsOnPhones && "hidden md:table-cell")}>
                    {actions(row.original)}
                  </TD>
                ) : null}
              </TR>
            ))}
            {data && data.items.length === 0 ? (
              <TR className="hover:bg-transparent">
                <TD colSpan={span} className="py-8 text-center">
                  <EmptyMessage empty={empty} />
                </TD>
              </TR>
            ) : null}
          </TBody>
        </Table>
        {data && page !== undefined && pageSize !== undefined && onPage ? (
          <Pagination page={page} pageSize={pageSize} total={data.total} onPage={onPage} />
        ) : null}
      </CardContent>
    </Card>
  );
}

function EmptyMessage({ empty }: { empty: EmptyState }) {
  if (empty.filtered) {
    return (
      <div className="grid justify-items-center gap-2" data-testid="empty-state">
        <p className="font-medium">No {empty.noun} match these filters.</p>
        {empty.onClearFilters ? (
          <Button variant="outline" size="sm" onClick={empty.onClearFilters}>
            Clear filters
          </Button>
        ) : null}
      </div>
    );
  }
  return (
    <div className="grid justify-items-center gap-2" data-testid="empty-state">
      <p className="font-medium">{empty.title}</p>
      {empty.next ? <div className="text-muted-foreground">{empty.next}</div> : null}
    </div>
  );
}

/** On phones: the row's other columns, behind one tap. */
function PhoneDetails<T>({ name, columns, row }: { name: string; columns: DataColumn<T>[]; row: T }) {
  const [open, setOpen] = React.useState(false);
  const detailsId = React.useId();
  return (
    <div className="md:hidden">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={detailsId}
        // Starts with the visible words, so voice control ("click Details") finds it.
        aria-label={`${open ? "Hide details" : "Details"} for ${name}`}
        onClick={() => setOpen((o) => !o)}
        className="mt-1 text-xs text-primary underline-offset-4 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
      >
        {open ? "Hide details" : "Details"}
      </button>
      {open ? (
        <dl id={detailsId} className="mt-1 grid gap-1 text-xs">
          {columns.map((c) => (
            <div key={c.id} className="min-w-0">
              <dt className="text-muted-foreground">{c.header}</dt>
              <dd className="min-w-0">{c.cell(row)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
}

function ColumnChooser<T>({
  columns,
  visibility,
  onChoose,
}: {
  columns: DataColumn<T>[];
  visibility: VisibilityState;
  onChoose: (id: string, shown: boolean) => void;
}) {
  return (
    // Phones show key columns only, so choosing columns is offered from 768 px.
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>
        <Button variant="outline" size="sm" className="hidden md:inline-flex">
          <Columns3Icon aria-hidden className="size-4" />
          Columns
        </Button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={4}
          collisionPadding={8}
          className="z-50 min-w-48 rounded-md border bg-card p-1 text-sm shadow-md"
        >
          <DropdownMenu.Label className="px-3 py-1.5 text-xs text-muted-foreground">Show columns</DropdownMenu.Label>
          {columns.map((c) => (
            <DropdownMenu.CheckboxItem
              key={c.id}
              checked={visibility[c.id] !== false}
              onCheckedChange={(checked) => onChoose(c.id, checked === true)}
              // Stays open so several columns can be chosen in one go.
              onSelect={(e) => e.preventDefault()}
              className="flex cursor-pointer items-center gap-2 rounded-sm px-3 py-2 outline-none data-[highlighted]:bg-muted"
            >
              <span aria-hidden className="inline-flex size-4 items-center justify-center rounded-sm border">
                <DropdownMenu.ItemIndicator>✓</DropdownMenu.ItemIndicator>
              </span>
              {c.header}
            </DropdownMenu.CheckboxItem>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
