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
import { TRUNK_DRIVER_LABELS } from "@/lib/schemas/trunk";
import { TrunkForm, type TrunkRow } from "./trunk-form";

const PAGE_SIZE = 20;

export function TrunksPageClient() {
  const { search, page, setPage, onSearch } = useListParams();
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

  return (
    <>
      <PageHeader
        title="SIP trunks"
        description="SIP trunks faxes are sent and received through. Passwords are stored encrypted and never shown again."
        actions={
          <Button
            onClick={() => {
              setNotice(null);
              setEditing("new");
            }}
          >
            New trunk
          </Button>
        }
      />
      <PageAlerts notice={notice} errors={[remove.error, list.error]} />
      <ListTable
        label="Trunks"
        toolbar={
          <div className="mb-3">
            <SearchInput placeholder="Search name or host" onSearch={onSearch} />
          </div>
        }
        headers={["Name", "Driver", "Host", "Authentication", "Channels / calls per minute", "Status", ACTIONS_HEADER]}
        data={list.data}
        emptyText="No trunks match."
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
      >
        {(t) => (
          <TR key={t.id}>
            <TD className="font-medium">{t.name}</TD>
            <TD>{TRUNK_DRIVER_LABELS[t.driver]}</TD>
            <TD className="font-mono text-xs">
              {t.host.includes(":") ? `[${t.host}]` : t.host}:{t.port}
            </TD>
            <TD>{t.ipAuth ? "IP address" : `User ${t.sipUsername}${t.hasPassword ? " + password" : ""}`}</TD>
            <TD>
              {t.maxChannels} / {t.maxCallsPerMinute}
            </TD>
            <TD>{t.active ? <Badge variant="success">Active</Badge> : <Badge variant="muted">Inactive</Badge>}</TD>
            <TD className="text-right">
              <Button
                variant="ghost"
                size="sm"
                onClick={() => {
                  setNotice(null);
                  setEditing(t);
                }}
              >
                Edit
              </Button>
              <ConfirmButton
                variant="ghost"
                size="sm"
                className="text-destructive"
                title={`Delete trunk ${t.name}?`}
                message="Faxes in progress on it will fail, and its settings are gone for good. To stop using it for a while, edit it and untick Active instead."
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
        title={(e) => (e === "new" ? "New trunk" : `Edit ${e.name}`)}
      >
        {(e) => (
          <TrunkForm
            trunk={e === "new" ? null : e}
            onDone={(message) => {
              setEditing(null);
              setNotice(message);
              void utils.trunk.list.invalidate();
            }}
          />
        )}
      </EditDialog>
    </>
  );
}
