"use client";
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { TenantSelect } from "@/components/tenant/tenant-select";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { EditDialog } from "@/components/ui/edit-dialog";
import { NativeSelect } from "@/components/ui/input";
import { ACTIONS_HEADER, ListTable } from "@/components/ui/list-table";
import { PageAlerts } from "@/components/ui/page-alerts";
import { SearchInput } from "@/components/ui/search-input";
import { TD, TR } from "@/components/ui/table";
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
  const utils = trpc.useUtils();
  const list = trpc.did.list.useQuery({ search, page, pageSize: PAGE_SIZE, status, tenantId: tenantId || undefined });
  const remove = trpc.did.delete.useMutation({
    onSuccess: () => {
      setNotice("DID deleted.");
      void utils.did.list.invalidate();
    },
  });

  return (
    <>
      <PageHeader
        title="DID Numbers"
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
      <PageAlerts notice={notice} errors={[remove.error, list.error]} />
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
        headers={["Number", "Title", "Company", "User", "Forwarding", ACTIONS_HEADER]}
        data={list.data}
        emptyText="No numbers match."
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
      >
        {(d) => (
          <TR key={d.id}>
            <TD className="font-medium whitespace-nowrap">{formatPhone(d.number)}</TD>
            <TD>{d.title}</TD>
            <TD>{d.tenant ? d.tenant.name : <Badge variant="muted">Platform pool</Badge>}</TD>
            <TD>{d.tenant ? didUserStatus(d.user) : "—"}</TD>
            <TD className="whitespace-nowrap">{forwardLabel(d)}</TD>
            <TD className="text-right whitespace-nowrap">
              {d.tenantId ? (
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() => {
                    setNotice(null);
                    setAssigning({ ...d, tenantId: d.tenantId! });
                  }}
                >
                  Assign
                </Button>
              ) : null}
              <Button
                variant="ghost"
                size="sm"
                onClick={() => {
                  setNotice(null);
                  setEditing(d);
                }}
              >
                Edit
              </Button>
              <ConfirmButton
                variant="ghost"
                size="sm"
                className="text-destructive"
                message={`Delete ${formatPhone(d.number)}? Faxes to it will no longer be received.`}
                onConfirm={() => remove.mutate({ id: d.id })}
              >
                Delete
              </ConfirmButton>
            </TD>
          </TR>
        )}
      </ListTable>
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
            <DidBulkForm onAdded={() => void utils.did.list.invalidate()} onClose={() => setBulkOpen(false)} />
          </DialogContent>
        ) : null}
      </Dialog>
    </>
  );
}
