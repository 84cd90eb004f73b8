"use client";
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { EditDialog } from "@/components/ui/edit-dialog";
import { ACTIONS_HEADER, ListTable } from "@/components/ui/list-table";
import { PageAlerts } from "@/components/ui/page-alerts";
import { SearchInput } from "@/components/ui/search-input";
import { TD, TR } from "@/components/ui/table";
import { useListParams } from "@/components/ui/use-list-params";
import { DomainStatusBadge } from "./domain-status";
import { TenantForm, type TenantRow } from "./tenant-form";

export function TenantsPageClient() {
  const { search, page, setPage, onSearch } = useListParams();
  const [editing, setEditing] = useState<TenantRow | "new" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const utils = trpc.useUtils();
  const list = trpc.tenant.list.useQuery({ search, page, pageSize: 20 });
  const remove = trpc.tenant.delete.useMutation({
    onSuccess: () => {
      setNotice("Tenant deleted.");
      void utils.tenant.list.invalidate();
    },
  });

  return (
    <>
      <PageHeader
        title="Tenants"
        description="Companies on this platform: their domains, fax limits and retention bounds."
        actions={<Button onClick={() => setEditing("new")}>New tenant</Button>}
      />
      <PageAlerts notice={notice} errors={[remove.error]} />
      <ListTable
        label="Tenants"
        toolbar={
          <div className="mb-3">
            <SearchInput placeholder="Search name or domain" onSearch={onSearch} />
          </div>
        }
        headers={["Company", "Domains", "Daily / monthly limit", "Retention (days)", "Users", "Status", ACTIONS_HEADER]}
        data={list.data}
        emptyText="No tenants match."
        page={page}
        pageSize={20}
        onPage={setPage}
      >
        {(t) => (
          <TR key={t.id}>
            <TD className="font-medium">{t.name}</TD>
            <TD>
              <ul className="grid gap-1">
                {t.domains.map((d) => (
                  <li key={d.hostname} className="flex items-center gap-1.5">
                    {d.hostname}
                    {d.verifiedAt ? null : <DomainStatusBadge verified={false} />}
                  </li>
                ))}
              </ul>
            </TD>
            <TD>
              {t.dailyFaxLimit} / {t.monthlyFaxLimit}
            </TD>
            <TD>
              {t.retentionMinDays}–{t.retentionMaxDays}
              {t.retentionDays ? ` (uses ${t.retentionDays})` : ""}
            </TD>
            <TD>{t._count.users}</TD>
            <TD>{t.active ? <Badge variant="success">Active</Badge> : <Badge variant="danger">Suspended</Badge>}</TD>
            <TD className="text-right">
              <Button variant="ghost" size="sm" onClick={() => setEditing(t)}>
                Edit
              </Button>
              <ConfirmButton
                variant="ghost"
                size="sm"
                className="text-destructive"
                message={`Delete ${t.name} and all its users, contacts and fax records? This cannot be undone.`}
                onConfirm={() => remove.mutate({ id: t.id })}
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
