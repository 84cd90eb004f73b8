/**
 * @deprecated Every list now uses `DataTable` (data-table.tsx: TanStack Table, sorting, column
 * chooser, phone details, empty states). Kept only until no branch imports it; do not use in new code.
 */
import type * as React from "react";
import { Card, CardContent } from "./card";
import { Pagination } from "./pagination";
import { Table, TBody, TD, TH, THead, TR } from "./table";

/**
 * A column header: its label, or `{ label, srOnly: true }` for one only screen readers announce (e.g.
 * "Actions"), or `{ label, className: WIDE_ONLY }` for a column phones leave out (its row shows the
 * value under the key column instead).
 */
export type ListHeader = string | { label: string; srOnly?: boolean; className?: string };

/** Cells (and their header) of a column shown from 768 px only. */
export const WIDE_ONLY = "hidden md:table-cell";
/** Details stacked under a row's key value on phones, where their own columns are left out. */
export const PHONE_ONLY = "md:hidden";

/** The visually hidden header over a column of row buttons. */
export const ACTIONS_HEADER: ListHeader = { label: "Actions", srOnly: true };

export function ListTable<T>({
  label,
  toolbar,
  headers,
  data,
  emptyText,
  page,
  pageSize,
  onPage,
  children,
}: {
  /** What the rows are, e.g. "Tenants": the table's name for screen readers when it scrolls sideways. */
  label: string;
  /** Rendered as given above the table (search box, filters, an error line…). */
  toolbar?: React.ReactNode;
  /** Column headers; `null` / `false` entries (conditional columns) are skipped. */
  headers: readonly (ListHeader | null | false)[];
  /** The current page of the list; `undefined` while it loads (no empty row, no pagination yet). */
  data: { items: readonly T[]; total: number } | undefined;
  /** Shown in a full-width row when the loaded page has no items, e.g. "No tenants match.". */
  emptyText: string;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  /** One table row (`<TR key=…>`) per item. */
  children: (item: T) => React.ReactNode;
}) {
  const columns = headers.filter((h): h is ListHeader => Boolean(h));
  return (
    <Card>
      <CardContent>
        {toolbar}
        <Table label={label}>
          <THead>
            <TR>
              {columns.map((h) =>
                typeof h === "string" ? (
                  <TH key={h}>{h}</TH>
                ) : (
                  <TH key={h.label} className={h.className}>
                    {h.srOnly ? <span className="sr-only">{h.label}</span> : h.label}
                  </TH>
                ),
              )}
            </TR>
          </THead>
          <TBody>
            {data?.items.map((item) => children(item))}
            {data && data.items.length === 0 ? (
              <TR>
                <TD colSpan={columns.length} className="py-6 text-center text-muted-foreground">
                  {emptyText}
                </TD>
              </TR>
            ) : null}
          </TBody>
        </Table>
        {data ? <Pagination page={page} pageSize={pageSize} total={data.total} onPage={onPage} /> : null}
      </CardContent>
    </Card>
  );
}
