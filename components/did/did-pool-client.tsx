"use client";
/**
 * Organisation admins' one Fax numbers page: every number of the organisation (row-level security
 * narrows the list), who holds each, with a Mine filter for the admin's own numbers, whose
 * forwarding they set here too.
 */
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { EditDialog } from "@/components/ui/edit-dialog";
import { NativeSelect } from "@/components/ui/input";
import { PageAlerts } from "@/components/ui/page-alerts";
import { RowActions } from "@/components/ui/row-actions";
import { SearchInput } from "@/components/ui/search-input";
import { Truncate } from "@/components/ui/truncate";
import { useListParams } from "@/components/ui/use-list-params";
import { type AssignRow, DidAssignForm } from "./did-assign-form";
import { DidForwardForm, type ForwardRow } from "./did-forward-form";
import { didUserStatus, formatPhone, forwardLabel } from "./did-labels";

const PAGE_SIZE = 20;
const FILTERS = {
  all: "All numbers",
  mine: "Mine",
  unassigned: "Unassigned",
  assigned: "Assigned to someone",
} as const;
type Filter = keyof typeof FILTERS;

export function DidPoolClient({
  viewerId,
  initialSearch = "",
  initialFilter = "all",
}: {
  viewerId: string;
  initialSearch?: string;
  initialFilter?: Filter;
}) {
  const { search, page, setPage, onSearch, clearSearch, filterKey } = useListParams(initialSearch);
  const [status, setStatus] = useState<Filter>(initialFilter);
  const [notice, setNotice] = useState<string | null>(null);
  const [assigning, setAssigning] = useState<AssignRow | null>(null);
  const [forwarding, setForwarding] = useState<(ForwardRow & { number: string }) | null>(null);
  const utils = trpc.useUtils();
  const list = trpc.did.list.useQuery({ search, page, pageSize: PAGE_SIZE, status });
  const refresh = () => {
    void utils.did.list.invalidate();
    void utils.did.mine.invalidate();
  };

  return (
    <>
      <PageHeader
        title="Fax numbers"
        description="Your organisation's fax numbers. Assign each to the person who receives its faxes; forward your own to email."
      />
      <PageAlerts notice={notice} errors={[list.error]} />
      <DataTable
        id="fax-numbers"
        label="Fax numbers"
        toolbar={
          <div key={filterKey} className="flex flex-wrap gap-2">
            <SearchInput placeholder="Search number, title or user" onSearch={onSearch} initial={search} />
            <div className="w-48">
              <NativeSelect
                aria-label="Which numbers"
                value={status}
                onChange={(e) => {
                  setStatus(e.target.value as Filter);
                  setPage(1);
                }}
              >
                {(Object.keys(FILTERS) as Filter[]).map((s) => (
                  <option key={s} value={s}>
                    {FILTERS[s]}
                  </option>
                ))}
              </NativeSelect>
            </div>
          </div>
        }
        columns={[
          {
            id: "number",
            header: "Number",
            sortValue: (d) => d.number,
            cell: (d) => (
              <span className="font-medium whitespace-nowrap">
                {formatPhone(d.number)}
                {d.userId === viewerId ? (
                  <Badge variant="default" className="ml-2">
                    Mine
                  </Badge>
                ) : null}
              </span>
            ),
          },
          {
            id: "title",
            header: "Title",
            optional: true,
            sortValue: (d) => d.title,
            cell: (d) => <Truncate text={d.title || "—"} className="max-w-48" />,
          },
          {
            id: "user",
            header: "Assigned to",
            sortValue: (d) => (d.user ? d.user.username : ""),
            cell: (d) => <Truncate text={didUserStatus(d.user)} className="max-w-56" />,
          },
          {
            id: "forwarding",
            header: "Forwarding",
            optional: true,
            sortValue: (d) => d.forwardEmail ?? "",
            cell: (d) => <Truncate text={forwardLabel(d)} className="max-w-64" />,
          },
        ]}
        data={list.data}
        rowId={(d) => d.id}
        rowName={(d) => formatPhone(d.number)}
        actions={(d) => (
          <RowActions
            rowId={d.id}
            rowName={formatPhone(d.number)}
            primary={
              <Button
                variant="ghost"
                size="sm"
                aria-label={`Assign ${formatPhone(d.number)}`}
                onClick={() => {
                  setNotice(null);
                  if (d.tenantId) setAssigning({ id: d.id, number: d.number, tenantId: d.tenantId, userId: d.userId });
                }}
              >
                Assign
              </Button>
            }
            items={[
              // Forwarding is the holder's choice: the admin sets it on their own numbers.
              d.userId === viewerId && {
                label: "Forward to email",
                onSelect: () => {
                  setNotice(null);
                  setForwarding(d);
                },
              },
            ]}
          />
        )}
        empty={{
          title: "No fax numbers yet: your provider assigns them.",
          next: "Once they do, they appear here and you can assign each to a person.",
          noun: "fax numbers",
          filtered: Boolean(search) || status !== "all",
          onClearFilters: () => {
            clearSearch();
            setStatus("all");
          },
        }}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
      />
      <EditDialog value={assigning} onClose={() => setAssigning(null)} title={(a) => `Assign ${formatPhone(a.number)}`}>
        {(a) => (
          <DidAssignForm
            did={a}
            onDone={(message) => {
              setAssigning(null);
              setNotice(message);
              refresh();
            }}
          />
        )}
      </EditDialog>
      <Dialog open={forwarding !== null} onOpenChange={(open) => !open && setForwarding(null)}>
        {forwarding ? (
          <DialogContent title={`Forward ${formatPhone(forwarding.number)}`} description="Fax to Email">
            <DidForwardForm
              did={forwarding}
              onDone={(message) => {
                setForwarding(null);
                setNotice(message);
                refresh();
              }}
            />
          </DialogContent>
        ) : null}
      </Dialog>
    </>
  );
}
