"use client";
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { TenantSelect } from "@/components/tenant/tenant-select";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { EditDialog } from "@/components/ui/edit-dialog";
import { NativeSelect } from "@/components/ui/input";
import { ACTIONS_HEADER, ListTable, PHONE_ONLY, WIDE_ONLY } from "@/components/ui/list-table";
import { PageAlerts } from "@/components/ui/page-alerts";
import { RowActions, rowMenuButton } from "@/components/ui/row-actions";
import { SearchInput } from "@/components/ui/search-input";
import { TD, TR } from "@/components/ui/table";
import { Truncate } from "@/components/ui/truncate";
import { useListParams } from "@/components/ui/use-list-params";
import { DID_STATUSES } from "@/lib/schemas/did";
import { type AssignRow, DidAssignForm } from "./did-assign-form";
import { DidBulkForm } from "./did-bulk-form";
import { type DidEditRow, DidForm } from "./did-form";
import { didUserStatus, formatPhone, forwardLabel } from "./did-labels";

const PAGE_SIZE = 20;
const STATUS_LABELS: Record<(typeof DID_STATUSES)[number], string> = {
  all: "All numbers",
  unassigned: "Platform pool (no tenant)",
  assigned: "Given to a tenant",
};

/** Platform admins: every DID, added one by one or in bulk, and given to tenants. */
export function DidsAdminClient() {
  const { search, page, setPage, onSearch } = useListParams();
  const [tenantId, setTenantId] = useState("");
  const [status, setStatus] = useState<(typeof DID_STATUSES)[number]>("all");
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
      setNotice("DID deleted.");
      void utils.did.list.invalidate();
    },
  });

  return (
    <>
      <PageHeader
        title="Fax numbers"
        description="Inbound fax numbers: add them, give them to tenants; tenant admins hand them to their users."
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
              Add DID
            </Button>
          </>
        }
      />
      <PageAlerts notice={notice} errors={[list.error]} />
      <ListTable
        label="DID numbers"
        toolbar={
          <div className="mb-3 flex flex-wrap gap-2">
            <SearchInput placeholder="Search number, title, user, company" onSearch={onSearch} />
            {/* aria-labels avoid the word "Tenant" so the dialog's "Tenant" field stays unambiguous. */}
            <div className="w-56">
              <TenantSelect
                ariaLabel="Filter by company"
                value={tenantId}
                emptyLabel="All companies"
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
                  setStatus(e.target.value as typeof status);
                  setPage(1);
                }}
              >
                {DID_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
              </NativeSelect>
            </div>
          </div>
        }
        headers={[
          "Number",
          { label: "Title", className: WIDE_ONLY },
          { label: "Company", className: WIDE_ONLY },
          { label: "User", className: WIDE_ONLY },
          { label: "Forwarding", className: "hidden lg:table-cell" },
          ACTIONS_HEADER,
        ]}
        data={list.data}
        emptyText={
          search || tenantId || status !== "all"
            ? "No numbers match. Try another search or filter."
            : "No numbers yet. Add them with Add DID or Bulk add."
        }
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
      >
        {(d) => (
          <TR key={d.id}>
            <TD>
              <span className="font-medium whitespace-nowrap">{formatPhone(d.number)}</span>
              <span className={`${PHONE_ONLY} block max-w-48 text-xs text-muted-foreground`}>
                <Truncate text={d.tenant ? `${d.tenant.name} · ${didUserStatus(d.user)}` : "Platform pool"} />
              </span>
            </TD>
            <TD className={WIDE_ONLY}>
              <Truncate text={d.title} className="max-w-40" />
            </TD>
            <TD className={WIDE_ONLY}>
              {d.tenant ? (
                <Truncate text={d.tenant.name} className="max-w-40" />
              ) : (
                <Badge variant="muted">Platform pool</Badge>
              )}
            </TD>
            <TD className={WIDE_ONLY}>{d.tenant ? didUserStatus(d.user) : "—"}</TD>
            <TD className="hidden whitespace-nowrap lg:table-cell">{forwardLabel(d)}</TD>
            <TD className="text-right">
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
            </TD>
          </TR>
        )}
      </ListTable>
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
        title={(e) => (e === "new" ? "Add DID" : `Edit ${formatPhone(e.number)}`)}
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
          <DialogContent title="Bulk add DIDs" description="Paste the numbers your carrier gave you.">
            <DidBulkForm onAdded={() => void utils.did.list.invalidate()} />
          </DialogContent>
        ) : null}
      </Dialog>
    </>
  );
}
