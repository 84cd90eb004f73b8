"use client";
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { NativeSelect } from "@/components/ui/input";
import { ListTable } from "@/components/ui/list-table";
import { PageAlerts } from "@/components/ui/page-alerts";
import { SearchInput } from "@/components/ui/search-input";
import { TD, TR } from "@/components/ui/table";
import { useListParams } from "@/components/ui/use-list-params";
import { DID_STATUSES } from "@/lib/schemas/did";
import { didUserStatus, formatPhone, forwardLabel, personName } from "./did-labels";
import { DidUserSelect, type PoolUser } from "./did-user-select";

const PAGE_SIZE = 20;
const STATUS_LABELS: Record<(typeof DID_STATUSES)[number], string> = {
  all: "All numbers",
  unassigned: "Unassigned",
  assigned: "Assigned to a user",
};

/** Tenant admins: the tenant's numbers (row-level security narrows the list) and who holds each. */
export function DidPoolClient() {
  const { search, page, setPage, onSearch } = useListParams();
  const [status, setStatus] = useState<(typeof DID_STATUSES)[number]>("all");
  const [notice, setNotice] = useState<string | null>(null);
  const utils = trpc.useUtils();
  const list = trpc.did.list.useQuery({ search, page, pageSize: PAGE_SIZE, status });
  // Up to 200 users fill the select; the user router caps page sizes there.
  const users = trpc.user.list.useQuery({ search: "", page: 1, pageSize: 200 });
  const assign = trpc.did.assign.useMutation({
    onSuccess: (d) => {
      setNotice(
        d.user
          ? `${formatPhone(d.number)} assigned to ${personName(d.user)}.`
          : `${formatPhone(d.number)} is unassigned.`,
      );
      void utils.did.list.invalidate();
      void utils.did.mine.invalidate();
    },
  });

  return (
    <>
      <PageHeader
        title="Fax numbers"
        description="Your company's fax numbers. Assign each to the user who receives its faxes."
      />
      <PageAlerts notice={notice} errors={[assign.error, list.error]} />
      {users.error ? (
        <Alert variant="error" className="mb-4">
          Users could not be loaded: {users.error.message}
        </Alert>
      ) : null}
      <ListTable
        label="DID numbers"
        toolbar={
          <div className="mb-3 flex flex-wrap gap-2">
            <SearchInput placeholder="Search number, title or user" onSearch={onSearch} />
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
        headers={["Number", "Title", "Status", "Forwarding", "Assign to user"]}
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
            <TD>{didUserStatus(d.user)}</TD>
            <TD className="whitespace-nowrap">{forwardLabel(d)}</TD>
            <TD>
              <DidUserSelect
                number={formatPhone(d.number)}
                value={d.userId ?? ""}
                // The current holder stays selectable even if they fall outside the loaded page.
                users={mergeHolder(users.data?.items ?? [], d.user && d.userId ? { ...d.user, id: d.userId } : null)}
                disabled={assign.isPending}
                onChange={(userId) => {
                  setNotice(null);
                  assign.mutate({ id: d.id, userId });
                }}
              />
            </TD>
          </TR>
        )}
      </ListTable>
    </>
  );
}

function mergeHolder(users: PoolUser[], holder: PoolUser | null): PoolUser[] {
  return holder && !users.some((u) => u.id === holder.id) ? [holder, ...users] : users;
}
