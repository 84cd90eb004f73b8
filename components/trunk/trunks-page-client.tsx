"use client";
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { type TrunkSaved, withGatewaySync } from "@/components/trunk/gateway-sync-notice";
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
import { TRUNK_DRIVER_LABELS } from "@/lib/schemas/trunk";
import { TrunkForm, type TrunkRow } from "./trunk-form";

const PAGE_SIZE = 20;

/** SIP trunks: Edit beside a "⋯" menu with Delete, which asks first in the portal's own dialog. */
export function TrunksPageClient({ initialSearch = "" }: { initialSearch?: string }) {
  const { search, page, setPage, onSearch, clearSearch, filterKey } = useListParams(initialSearch);
  const [editing, setEditing] = useState<TrunkRow | "new" | null>(null);
  const [deleting, setDeleting] = useState<TrunkRow | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // FreeSWITCH did not take a saved change: shown as an error, the save itself stands.
  const [warning, setWarning] = useState<string | null>(null);
  const show = (saved: TrunkSaved | null) => {
    setNotice(saved?.notice ?? null);
    setWarning(saved?.warning ?? null);
  };
  const utils = trpc.useUtils();
  const list = trpc.trunk.list.useQuery({ search, page, pageSize: PAGE_SIZE });
  const remove = trpc.trunk.delete.useMutation({
    onSuccess: ({ gatewaySync }) => {
      setDeleting(null);
      show(withGatewaySync("SIP trunk deleted.", gatewaySync));
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
              show(null);
              setEditing("new");
            }}
          >
            New trunk
          </Button>
        }
      />
      <PageAlerts notice={notice} errors={[list.error, warning ? { message: warning } : null]} />
      <DataTable
        id="trunks"
        label="SIP trunks"
        toolbar={<SearchInput key={filterKey} placeholder="Search name or host" onSearch={onSearch} initial={search} />}
        columns={[
          {
            id: "name",
            header: "Name",
            sortValue: (t) => t.name,
            cell: (t) => <Truncate text={t.name} className="font-medium" />,
          },
          {
            id: "driver",
            header: "Driver",
            optional: true,
            sortValue: (t) => TRUNK_DRIVER_LABELS[t.driver],
            cell: (t) => TRUNK_DRIVER_LABELS[t.driver],
          },
          {
            id: "host",
            header: "Host",
            optional: true,
            sortValue: (t) => t.host,
            cell: (t) => (
              <Truncate
                text={`${t.host.includes(":") ? `[${t.host}]` : t.host}:${t.port}`}
                className="max-w-48 font-mono text-xs"
              />
            ),
          },
          {
            id: "auth",
            header: "Authentication",
            optional: true,
            sortValue: (t) => (t.ipAuth ? 0 : 1),
            cell: (t) => (
              <Truncate
                text={t.ipAuth ? "IP address" : `User ${t.sipUsername}${t.hasPassword ? " + password" : ""}`}
                className="max-w-48"
              />
            ),
          },
          {
            id: "capacity",
            header: "Channels / calls per minute",
            optional: true,
            sortValue: (t) => t.maxChannels,
            cell: (t) => `${t.maxChannels} / ${t.maxCallsPerMinute}`,
          },
          {
            id: "updated",
            header: "Changed",
            optional: "hidden",
            sortValue: (t) => t.updatedAt,
            cell: (t) => <DateTime value={t.updatedAt} />,
          },
          {
            id: "status",
            header: "Status",
            sortValue: (t) => (t.active ? 0 : 1),
            cell: (t) => (t.active ? <Badge variant="success">Active</Badge> : <Badge variant="muted">Inactive</Badge>),
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
              <Button
                variant="ghost"
                size="sm"
                aria-label={`Edit ${t.name}`}
                onClick={() => {
                  show(null);
                  setEditing(t);
                }}
              >
                Edit
              </Button>
            }
            items={[
              {
                label: "Delete",
                destructive: true,
                onSelect: () => {
                  remove.reset();
                  show(null);
                  setDeleting(t);
                },
              },
            ]}
          />
        )}
        empty={{
          title: "No SIP trunks yet.",
          next: "Add your carrier's connection with New trunk before sending or receiving faxes.",
          noun: "SIP trunks",
          filtered: Boolean(search),
          onClearFilters: clearSearch,
        }}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
      />
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(o) => !o && setDeleting(null)}
        title={deleting ? `Delete trunk ${deleting.name}?` : ""}
        confirmLabel="Delete trunk"
        destructive
        pending={remove.isPending}
        error={remove.error?.message ?? null}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
        returnFocus={() => (deleting ? rowMenuButton(deleting.id) : null)}
      >
        <p>
          Faxes in progress on it will fail, and its settings are gone for good. To stop using it for a while, edit it
          and untick Active instead.
        </p>
      </ConfirmDialog>
      <EditDialog
        value={editing}
        onClose={() => setEditing(null)}
        title={(e) => (e === "new" ? "New trunk" : `Edit ${e.name}`)}
      >
        {(e) => (
          <TrunkForm
            trunk={e === "new" ? null : e}
            onDone={(saved) => {
              setEditing(null);
              show(saved);
              void utils.trunk.list.invalidate();
            }}
          />
        )}
      </EditDialog>
    </>
  );
}
