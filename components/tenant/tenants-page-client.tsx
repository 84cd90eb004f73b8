"use client";
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EditDialog } from "@/components/ui/edit-dialog";
import { ACTIONS_HEADER, ListTable, PHONE_ONLY, WIDE_ONLY } from "@/components/ui/list-table";
import { PageAlerts } from "@/components/ui/page-alerts";
import { RowActions, rowMenuButton } from "@/components/ui/row-actions";
import { SearchInput } from "@/components/ui/search-input";
import { TD, TR } from "@/components/ui/table";
import { Truncate } from "@/components/ui/truncate";
import { useListParams } from "@/components/ui/use-list-params";
import { type DeletableTenant, DeleteTenantDialog } from "./delete-tenant-dialog";
import { DomainStatusBadge } from "./domain-status";
import { TenantForm, type TenantRow } from "./tenant-form";

export function TenantsPageClient() {
  const { search, page, setPage, onSearch } = useListParams();
  const [editing, setEditing] = useState<TenantRow | "new" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<DeletableTenant | null>(null);
  const [suspending, setSuspending] = useState<TenantRow | null>(null);
  const utils = trpc.useUtils();
  const list = trpc.tenant.list.useQuery({ search, page, pageSize: 20 });
  const remove = trpc.tenant.delete.useMutation({
    onSuccess: () => {
      setDeleting(null);
      setNotice("Tenant deleted.");
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
        description="Companies on this platform: their domains, fax limits and retention bounds."
        actions={<Button onClick={() => setEditing("new")}>New tenant</Button>}
      />
      <PageAlerts notice={notice} errors={[setActive.error, list.error]} />
      <ListTable
        label="Tenants"
        toolbar={
          <div className="mb-3">
            <SearchInput placeholder="Search name or domain" onSearch={onSearch} />
          </div>
        }
        headers={[
          "Company",
          { label: "Domains", className: WIDE_ONLY },
          { label: "Daily / monthly limit", className: "hidden lg:table-cell" },
          { label: "Retention (days)", className: "hidden lg:table-cell" },
          { label: "Users", className: WIDE_ONLY },
          { label: "Status", className: WIDE_ONLY },
          ACTIONS_HEADER,
        ]}
        data={list.data}
        emptyText={search ? "No tenants match. Try another search." : "No tenants yet. Add the first with New tenant."}
        page={page}
        pageSize={20}
        onPage={setPage}
      >
        {(t) => (
          <TR key={t.id}>
            <TD className="max-w-48">
              <Truncate text={t.name} className="font-medium" />
              <span className={`${PHONE_ONLY} block text-xs text-muted-foreground`}>
                <Truncate text={t.domains.map((d) => d.hostname).join(", ")} />
                {t._count.users} users
                <span className="mt-1 block">
                  <TenantStatus active={t.active} />
                </span>
              </span>
            </TD>
            <TD className={WIDE_ONLY}>
              <ul className="grid gap-1">
                {t.domains.map((d) => (
                  <li key={d.hostname} className="flex items-center gap-1.5">
                    <Truncate text={d.hostname} className="max-w-56" />
                    {d.verifiedAt && !d.retiring ? null : (
                      <DomainStatusBadge verified={!!d.verifiedAt} retiring={d.retiring} />
                    )}
                  </li>
                ))}
              </ul>
            </TD>
            <TD className="hidden lg:table-cell">
              {t.dailyFaxLimit} / {t.monthlyFaxLimit}
            </TD>
            <TD className="hidden lg:table-cell">
              {t.retentionMinDays}–{t.retentionMaxDays}
              {t.retentionDays ? ` (uses ${t.retentionDays})` : ""}
            </TD>
            <TD className={WIDE_ONLY}>{t._count.users}</TD>
            <TD className={WIDE_ONLY}>
              <TenantStatus active={t.active} />
            </TD>
            <TD className="text-right">
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
            </TD>
          </TR>
        )}
      </ListTable>
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
        title={(e) => (e === "new" ? "New tenant" : `Edit ${e.name}`)}
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
