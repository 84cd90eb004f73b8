"use client";
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { TenantSelect } from "@/components/tenant/tenant-select";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DataTable } from "@/components/ui/data-table";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { EditDialog } from "@/components/ui/edit-dialog";
import { NativeSelect } from "@/components/ui/input";
import { PageAlerts } from "@/components/ui/page-alerts";
import { RowActions, rowMenuButton } from "@/components/ui/row-actions";
import { SearchInput } from "@/components/ui/search-input";
import { Truncate } from "@/components/ui/truncate";
import { useListParams } from "@/components/ui/use-list-params";
import type { DID_STATUSES } from "@/lib/schemas/did";
import { type AssignRow, DidAssignForm } from "./did-assign-form";
import { DidBulkForm } from "./did-bulk-form";
import { type DidEditRow, DidForm } from "./did-form";
import { didUserStatus, formatPhone, forwardLabel } from "./did-labels";

const PAGE_SIZE = 20;
type Status = Exclude<(typeof DID_STATUSES)[number], "mine">;
const STATUS_LABELS: Record<Status, string> = {
  all: "All numbers",
  unassigned: "Platform pool (no organisation)",
  assigned: "Given to an organisation",
};

/** Platform admins: every fax number (DID), added one by one or in bulk, and given to organisations. */
export function DidsAdminClient({ initialSearch = "" }: { initialSearch?: string }) {
  const { search, page, setPage, onSearch, clearSearch, filterKey } = useListParams(initialSearch);
  const [tenantId, setTenantId] = useState("");
  const [status, setStatus] = useState<Status>("all");
  const [editing, setEditing] = useState<DidEditRow | "new" | null>(null);
  const [bulkOpen, setBulkOpen] = useState(false);
  const [assigning, setAssigning] = useState<AssignRow | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<(DidEditRow & { id: string; tenant: { name: string } | null }) | null>(null);
  const utils = trpc.useUtils();
  const list = trpc.did.list.useQuery({ search, page, pageSize: PAGE_SIZE, status, tenantId: tenantId || undefined });
  const remove = trpc.did.delete.useMutation({
    onSuccess: () => {
      setDeleting(null);
      setNotice("Fax number deleted.");
      void utils.did.list.invalidate();
    },
  });

  return (
    <>
      <PageHeader
        title="Fax numbers (DIDs)"
        description="Inbound fax numbers: add them and give them to organisations; organisation admins hand them to their people."
        actions={
          <>
            <Button
              variant="outline"
              onClick={() => {
                setNotice(null);
                setBulkOpen(true);
              }}
            >
              Bulk add
            </Button>
            <Button
              onClick={() => {
                setNotice(null);
                setEditing("new");
              }}
            >
              Add fax number
            </Button>
          </>
        }
      />
      <PageAlerts notice={notice} errors={[list.error]} />
      <DataTable
        id="fax-numbers-platform"
        label="Fax numbers"
        toolbar={
          <div key={filterKey} className="flex flex-wrap gap-2">
            <SearchInput placeholder="Search number, title, user, organisation" onSearch={onSearch} initial={search} />
            {/* aria-labels avoid the word "Organisation" alone so the dialog's field stays unambiguous. */}
            <div className="w-56">
              <TenantSelect
                ariaLabel="Filter by organisation"
                value={tenantId}
                emptyLabel="All organisations"
                onChange={(id) => {
                  setTenantId(id);
                  setPage(1);
                }}
              />
            </div>
            <div className="w-56">
              <NativeSelect
                aria-label="Filter by status"
                value={status}
                onChange={(e) => {
                  setStatus(e.target.value as Status);
                  setPage(1);
                }}
              >
                {(Object.keys(STATUS_LABELS) as Status[]).map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s]}
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
            cell: (d) => <span className="font-medium whitespace-nowrap">{formatPhone(d.number)}</span>,
          },
          {
            id: "title",
            header: "Title",
            optional: true,
            sortValue: (d) => d.title,
            cell: (d) => <Truncate text={d.title || "—"} className="max-w-40" />,
          },
          {
            id: "organisation",
            header: "Organisation",
            sortValue: (d) => d.tenant?.name ?? "",
            cell: (d) =>
              d.tenant ? (
                <Truncate text={d.tenant.name} className="max-w-40" />
              ) : (
                <Badge variant="muted">Platform pool</Badge>
              ),
          },
          {
            id: "user",
            header: "User",
            optional: true,
            sortValue: (d) => d.user?.username ?? "",
            cell: (d) => (d.tenant ? <Truncate text={didUserStatus(d.user)} className="max-w-48" /> : "—"),
          },
          {
            id: "forwarding",
            header: "Forwarding",
            optional: "hidden",
            sortValue: (d) => d.forwardEmail ?? "",
            cell: (d) => <Truncate text={forwardLabel(d)} className="max-w-56" />,
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
                aria-label={`Edit ${formatPhone(d.number)}`}
                onClick={() => {
                  setNotice(null);
                  setEditing(d);
                }}
              >
                Edit
              </Button>
            }
            items={[
              d.tenantId
                ? {
                    label: "Assign to a user",
                    onSelect: () => {
                      setNotice(null);
                      setAssigning({ ...d, tenantId: d.tenantId! });
                    },
                  }
                : null,
              {
                label: "Delete",
                destructive: true,
                onSelect: () => {
                  remove.reset();
                  setDeleting(d);
                },
              },
            ]}
          />
        )}
        empty={{
          title: "No fax numbers yet.",
          next: "Add the numbers your carrier gave you with Add fax number or Bulk add, then give them to organisations.",
          noun: "fax numbers",
          filtered: Boolean(search || tenantId) || status !== "all",
          onClearFilters: () => {
            clearSearch();
            setTenantId("");
            setStatus("all");
          },
        }}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
      />
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(o) => !o && setDeleting(null)}
        title={deleting ? `Delete ${formatPhone(deleting.number)}?` : ""}
        confirmLabel="Delete number"
        destructive
        pending={remove.isPending}
        error={remove.error?.message ?? null}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
        returnFocus={() => (deleting ? rowMenuButton(deleting.id) : null)}
      >
        <p>
          Faxes to this number will no longer be received
          {deleting?.tenant ? ` by ${deleting.tenant.name}` : ""}, and its title and forwarding are gone for good. This
          cannot be undone.
        </p>
      </ConfirmDialog>
      <EditDialog
        value={editing}
        onClose={() => setEditing(null)}
        title={(e) => (e === "new" ? "Add fax number" : `Edit ${formatPhone(e.number)}`)}
      >
        {(e) => (
          <DidForm
            did={e === "new" ? null : e}
            onDone={(message) => {
              setEditing(null);
              setNotice(message);
              void utils.did.list.invalidate();
            }}
          />
        )}
      </EditDialog>
      <EditDialog value={assigning} onClose={() => setAssigning(null)} title={(a) => `Assign ${formatPhone(a.number)}`}>
        {(a) => (
          <DidAssignForm
            did={a}
            onDone={(message) => {
              setAssigning(null);
              setNotice(message);
              void utils.did.list.invalidate();
            }}
          />
        )}
      </EditDialog>
      <Dialog open={bulkOpen} onOpenChange={setBulkOpen}>
        {bulkOpen ? (
          <DialogContent title="Bulk add fax numbers" description="Paste the numbers your carrier gave you.">
            <DidBulkForm onAdded={() => void utils.did.list.invalidate()} />
          </DialogContent>
        ) : null}
      </Dialog>
    </>
  );
}
