"use client";
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Pagination } from "@/components/ui/pagination";
import { SearchInput } from "@/components/ui/search-input";
import { TBody, TD, TH, THead, TR, Table } from "@/components/ui/table";
import { TenantForm, type TenantRow } from "./tenant-form";

export function TenantsPageClient() {
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(1);
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
      {notice ? <Alert variant="success" className="mb-4">{notice}</Alert> : null}
      {remove.error ? <Alert variant="error" className="mb-4">{remove.error.message}</Alert> : null}
      <Card>
        <CardContent className="pt-5">
          <div className="mb-3">
            <SearchInput placeholder="Search name or domain" onSearch={(v) => { setSearch(v); setPage(1); }} />
          </div>
          <Table>
            <THead>
              <TR>
                <TH>Company</TH>
                <TH>Domains</TH>
                <TH>Daily / monthly limit</TH>
                <TH>Retention (days)</TH>
                <TH>Users</TH>
                <TH>Status</TH>
                <TH><span className="sr-only">Actions</span></TH>
              </TR>
            </THead>
            <TBody>
              {list.data?.items.map((t) => (
                <TR key={t.id}>
                  <TD className="font-medium">{t.name}</TD>
                  <TD>{t.domains.map((d) => d.hostname).join(", ")}</TD>
                  <TD>{t.dailyFaxLimit} / {t.monthlyFaxLimit}</TD>
                  <TD>{t.retentionMinDays}–{t.retentionMaxDays}{t.retentionDays ? ` (uses ${t.retentionDays})` : ""}</TD>
                  <TD>{t._count.users}</TD>
                  <TD>{t.active ? <Badge variant="success">Active</Badge> : <Badge variant="danger">Suspended</Badge>}</TD>
                  <TD className="text-right">
                    <Button variant="ghost" size="sm" onClick={() => setEditing(t)}>Edit</Button>
                    <Button variant="ghost" size="sm" className="text-destructive"
                      onClick={() => {
                        if (window.confirm(`Delete ${t.name} and all its users, contacts and fax records? This cannot be undone.`)) {
                          remove.mutate({ id: t.id });
                        }
                      }}>
                      Delete
                    </Button>
                  </TD>
                </TR>
              ))}
              {list.data && list.data.items.length === 0 ? (
                <TR><TD colSpan={7} className="py-6 text-center text-muted-foreground">No tenants match.</TD></TR>
              ) : null}
            </TBody>
          </Table>
          {list.data ? <Pagination page={page} pageSize={20} total={list.data.total} onPage={setPage} /> : null}
        </CardContent>
      </Card>
      <Dialog open={editing !== null} onOpenChange={(open) => !open && setEditing(null)}>
        {editing !== null ? (
          <DialogContent title={editing === "new" ? "New tenant" : `Edit ${editing.name}`}>
            <TenantForm
              tenant={editing === "new" ? null : editing}
              onDone={(message) => {
                setEditing(null);
                setNotice(message);
                void utils.tenant.list.invalidate();
              }}
            />
          </DialogContent>
        ) : null}
      </Dialog>
    </>
  );
}
