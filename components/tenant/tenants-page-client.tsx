"use client";
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DataTable } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { EditDialog } from "@/components/ui/edit-dialog";
import { PageAlerts } from "@/components/ui/page-alerts";
import { RowActions, rowMenuButton } from "@/components/ui/row-actions";
import { SearchInput } from "@/components/ui/search-input";
import { Truncate } from "@/components/ui/truncate";
import { useListParams } from "@/components/ui/use-list-params";
import { type DeletableTenant, DeleteTenantDialog } from "./delete-tenant-dialog";
import { DomainStatusBadge } from "./domain-status";
import { TenantForm, type TenantRow } from "./tenant-form";

export function TenantsPageClient({ initialSearch = "" }: { initialSearch?: string }) {
  const { search, page, setPage, onSearch, clearSearch, filterKey } = useListParams(initialSearch);
  const [editing, setEditing] = useState<TenantRow | "new" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<DeletableTenant | null>(null);
  const [suspending, setSuspending] = useState<TenantRow | null>(null);
  const utils = trpc.useUtils();
  const list = trpc.tenant.list.useQuery({ search, page, pageSize: 20 });
  const remove = trpc.tenant.delete.useMutation({
    onSuccess: () => {
      setDeleting(null);
      setNotice("Organisation deleted.");
      void utils.tenant.list.invalidate();
    },
  });
  const setActive = trpc.tenant.update.useMutation({
    onSuccess: (_r, input) => {
      setDeleting(null);
      setSuspending(null);
      setNotice(
        input.active
          ? `${input.name} is active again.`
          : `${input.name} is suspended: its people are signed out and cannot sign in.`,
      );
      void utils.tenant.list.invalidate();
    },
  });
  /** Suspends or reactivates a tenant, keeping everything else as it is. */
  const activate = (t: TenantRow, active: boolean) =>
    setActive.mutate({
      id: t.id,
      name: t.name,
      domains: t.domains.filter((d) => !d.retiring).map((d) => d.hostname), // a replaced one stays replaced
      dailyFaxLimit: t.dailyFaxLimit,
      monthlyFaxLimit: t.monthlyFaxLimit,
      retentionMinDays: t.retentionMinDays,
      retentionMaxDays: t.retentionMaxDays,
      retentionDays: t.retentionDays,
      active,
    });

  return (
    <>
      <PageHeader
        title="Organisations"
        description="The organisations on this platform: their domains, fax limits, retention bounds and time zones."
        actions={<Button onClick={() => setEditing("new")}>New organisation</Button>}
      />
      <PageAlerts notice={notice} errors={[setActive.error, list.error]} />
      <DataTable
        id="organisations"
        label="Organisations"
        toolbar={
          <SearchInput key={filterKey} placeholder="Search name or domain" onSearch={onSearch} initial={search} />
        }
        columns={[
          {
            id: "name",
            header: "Organisation",
            sortValue: (t) => t.name,
            cell: (t) => <Truncate text={t.name} className="font-medium" />,
          },
          {
            id: "domains",
            header: "Domains",
            optional: true,
            sortValue: (t) => t.domains[0]?.hostname,
            cell: (t) => (
              <ul className="grid gap-1">
                {t.domains.map((d) => (
                  <li key={d.hostname} className="flex min-w-0 items-center gap-1.5">
                    <Truncate text={d.hostname} className="max-w-56" />
                    {d.verifiedAt && !d.retiring ? null : (
                      <DomainStatusBadge verified={!!d.verifiedAt} retiring={d.retiring} />
                    )}
                  </li>
                ))}
              </ul>
            ),
          },
          {
            id: "limits",
            header: "Daily / monthly limit",
            optional: true,
            sortValue: (t) => t.dailyFaxLimit,
            cell: (t) => `${t.dailyFaxLimit} / ${t.monthlyFaxLimit}`,
            className: "whitespace-nowrap",
          },
          {
            id: "retention",
            header: "Retention (days)",
            optional: true,
            sortValue: (t) => t.retentionDays ?? t.retentionMaxDays,
            cell: (t) =>
              `${t.retentionMinDays}–${t.retentionMaxDays}${t.retentionDays ? ` (uses ${t.retentionDays})` : ""}`,
          },
          {
            id: "timeZone",
            header: "Time zone",
            optional: "hidden",
            sortValue: (t) => t.timeZone,
            cell: (t) => t.timeZone.replaceAll("_", " "),
          },
          {
            id: "users",
            header: "Users",
            optional: true,
            sortValue: (t) => t._count.users,
            cell: (t) => t._count.users,
          },
          {
            id: "created",
            header: "Created",
            optional: "hidden",
            sortValue: (t) => t.createdAt,
            cell: (t) => <DateTime value={t.createdAt} timeZone={t.timeZone} />,
          },
          {
            id: "status",
            header: "Status",
            sortValue: (t) => (t.active ? 0 : 1),
            cell: (t) => <TenantStatus active={t.active} />,
          },
        ]}
        data={list.data}
        rowId={(t) => t.id}
        rowName={(t) => t.name}
        actions={(t) => (
          <RowActions
            rowId={t.id}
            rowName={t.name}
            primary={
              <Button variant="ghost" size="sm" onClick={() => setEditing(t)} aria-label={`Edit ${t.name}`}>
                Edit
              </Button>
            }
            items={[
              t.active
                ? { label: "Suspend", onSelect: () => setSuspending(t) }
                : { label: "Reactivate", onSelect: () => activate(t, true) },
              {
                label: "Delete",
                destructive: true,
                onSelect: () => {
                  remove.reset();
                  setDeleting(t);
                },
              },
            ]}
          />
        )}
        empty={{
          title: "No organisations yet.",
          next: "Add the first with New organisation: give it a name, a domain and its first admin.",
          noun: "organisations",
          filtered: Boolean(search),
          onClearFilters: clearSearch,
        }}
        page={page}
        pageSize={20}
        onPage={setPage}
      />
      <ConfirmDialog
        open={suspending !== null}
        onOpenChange={(o) => !o && setSuspending(null)}
        title={suspending ? `Suspend ${suspending.name}?` : ""}
        confirmLabel="Suspend"
        pending={setActive.isPending}
        onConfirm={() => suspending && activate(suspending, false)}
        returnFocus={() => (suspending ? rowMenuButton(suspending.id) : null)}
      >
        <p>
          Everyone in {suspending?.name} is signed out at once and cannot sign in until you reactivate it. Nothing is
          deleted.
        </p>
      </ConfirmDialog>
      <DeleteTenantDialog
        tenant={deleting}
        onClose={() => setDeleting(null)}
        onDelete={(t, confirmName) => remove.mutate({ id: t.id, confirmName })}
        onSuspend={(t) => {
          const row = list.data?.items.find((r) => r.id === t.id);
          if (row) activate(row, false);
        }}
        pending={remove.isPending || setActive.isPending}
        error={remove.error?.message ?? null}
      />
      <EditDialog
        value={editing}
        onClose={() => setEditing(null)}
        title={(e) => (e === "new" ? "New organisation" : `Edit ${e.name}`)}
      >
        {(e) => (
          <TenantForm
            tenant={e === "new" ? null : e}
            onDone={(message) => {
              setEditing(null);
              setNotice(message);
              void utils.tenant.list.invalidate();
            }}
          />
        )}
      </EditDialog>
    </>
  );
}

function TenantStatus({ active }: { active: boolean }) {
  return active ? <Badge variant="success">Active</Badge> : <Badge variant="danger">Suspended</Badge>;
}
