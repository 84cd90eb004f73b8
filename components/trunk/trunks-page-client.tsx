"use client";
import { useCallback, useState } from "react";
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
import { TRUNK_DRIVER_LABELS } from "@/lib/schemas/trunk";
import { TrunkForm, type TrunkRow } from "./trunk-form";

const PAGE_SIZE = 20;

export function TrunksPageClient() {
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<TrunkRow | "new" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const utils = trpc.useUtils();
  const list = trpc.trunk.list.useQuery({ search, page, pageSize: PAGE_SIZE });
  const remove = trpc.trunk.delete.useMutation({
    onSuccess: () => {
      setNotice("Trunk deleted.");
      void utils.trunk.list.invalidate();
    },
  });
  const onSearch = useCallback((value: string) => {
    setSearch(value);
    setPage(1);
  }, []);

  return (
    <>
      <PageHeader
        title="Provider / Trunks"
        description="SIP trunks faxes are sent and received through. Passwords are stored encrypted and never shown again."
        actions={<Button onClick={() => { setNotice(null); setEditing("new"); }}>New trunk</Button>}
      />
      {notice ? <Alert variant="success" className="mb-4">{notice}</Alert> : null}
      {remove.error ? <Alert variant="error" className="mb-4">{remove.error.message}</Alert> : null}
      {list.error ? <Alert variant="error" className="mb-4">{list.error.message}</Alert> : null}
      <Card>
        <CardContent className="pt-5">
          <div className="mb-3">
            <SearchInput placeholder="Search name or host" onSearch={onSearch} />
          </div>
          <Table>
            <THead>
              <TR>
                <TH>Name</TH>
                <TH>Driver</TH>
                <TH>Host</TH>
                <TH>Authentication</TH>
                <TH>Channels / calls per minute</TH>
                <TH>Status</TH>
                <TH><span className="sr-only">Actions</span></TH>
              </TR>
            </THead>
            <TBody>
              {list.data?.items.map((t) => (
                <TR key={t.id}>
                  <TD className="font-medium">{t.name}</TD>
                  <TD>{TRUNK_DRIVER_LABELS[t.driver]}</TD>
                  <TD className="font-mono text-xs">{t.host.includes(":") ? `[${t.host}]` : t.host}:{t.port}</TD>
                  <TD>{t.ipAuth ? "IP address" : `User ${t.sipUsername}${t.hasPassword ? " + password" : ""}`}</TD>
                  <TD>{t.maxChannels} / {t.maxCallsPerMinute}</TD>
                  <TD>{t.active ? <Badge variant="success">Active</Badge> : <Badge variant="muted">Inactive</Badge>}</TD>
                  <TD className="text-right">
                    <Button variant="ghost" size="sm" onClick={() => { setNotice(null); setEditing(t); }}>Edit</Button>
                    <Button variant="ghost" size="sm" className="text-destructive"
                      onClick={() => {
                        if (window.confirm(`Delete trunk ${t.name}? Faxes in progress on it will fail.`)) remove.mutate({ id: t.id });
                      }}>
                      Delete
                    </Button>
                  </TD>
                </TR>
              ))}
              {list.data && list.data.items.length === 0 ? (
                <TR><TD colSpan={7} className="py-6 text-center text-muted-foreground">No trunks match.</TD></TR>
              ) : null}
            </TBody>
          </Table>
          {list.data ? <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} /> : null}
        </CardContent>
      </Card>
      <Dialog open={editing !== null} onOpenChange={(open) => !open && setEditing(null)}>
        {editing !== null ? (
          <DialogContent title={editing === "new" ? "New trunk" : `Edit ${editing.name}`}>
            <TrunkForm
              trunk={editing === "new" ? null : editing}
              onDone={(message) => {
                setEditing(null);
                setNotice(message);
                void utils.trunk.list.invalidate();
              }}
            />
          </DialogContent>
        ) : null}
      </Dialog>
    </>
  );
}
