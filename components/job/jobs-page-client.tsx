"use client";
/**
 * /admin/jobs: recent runs of the embedded job runner, newest first — state, trigger, times,
 * attempts, the last error — with Retry now and Cancel; a run opens its step timeline. Refreshes
 * every few seconds while a shown run is still active. Metadata only (see server/job/job-run-view.ts).
 */
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DateTime, usePageTimeZone, useViewerLocale } from "@/components/ui/date-time";
import { Dialog } from "@/components/ui/dialog";
import { NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ACTIONS_HEADER, ListTable, PHONE_ONLY, WIDE_ONLY } from "@/components/ui/list-table";
import { PageAlerts } from "@/components/ui/page-alerts";
import { RowActions, rowMenuButton } from "@/components/ui/row-actions";
import { TD, TR } from "@/components/ui/table";
import { Truncate } from "@/components/ui/truncate";
import { formatDateTime } from "@/lib/dates/format-date-time";
import type { JobRunStatus } from "@/lib/schemas/job";
import { canCancel, canRetry, isActive, RUN_STATES, runDuration, STATUS_FILTERS, triggerText } from "./job-labels";
import { RunDialog } from "./run-dialog";
import { useRunControls } from "./use-run-controls";

const PAGE_SIZE = 25;
const REFRESH_MS = 3000;

export function JobsPageClient() {
  // Row names (for the row's menu) carry the same time the row shows.
  const timeZone = usePageTimeZone();
  const locale = useViewerLocale();
  const [status, setStatus] = useState<JobRunStatus | "">("");
  const [functionId, setFunctionId] = useState("");
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<{ id: string; functionId: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const list = trpc.job.list.useQuery(
    { status: status || undefined, functionId: functionId || undefined, page, pageSize: PAGE_SIZE },
    {
      refetchInterval: (q) => (q.state.data?.items.some((r) => isActive(r.state)) ? REFRESH_MS : false),
    },
  );
  const controls = useRunControls({
    onDone: (message) => {
      setFailure(null);
      setNotice(message);
    },
    onError: (message) => {
      setNotice(null);
      setFailure(message);
    },
  });
  const now = new Date();

  return (
    <>
      <PageHeader
        title="Jobs"
        description="Background work of the portal (scheduled clean-ups, and faxes to come): recent runs, their steps and errors. Document contents are never shown here."
      />
      <PageAlerts notice={notice} errors={[list.error, failure ? { message: failure } : null]} />
      <ListTable
        label="Job runs"
        toolbar={
          <div className="mb-3 flex flex-wrap items-end gap-3">
            <div className="grid w-full gap-1.5 sm:w-56">
              <Label htmlFor="jobs-status">Status</Label>
              <NativeSelect
                id="jobs-status"
                value={status}
                onChange={(e) => {
                  setStatus(e.target.value as JobRunStatus | "");
                  setPage(1);
                }}
              >
                <option value="">Any status</option>
                {STATUS_FILTERS.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <div className="grid w-full gap-1.5 sm:w-64">
              <Label htmlFor="jobs-function">Function</Label>
              <NativeSelect
                id="jobs-function"
                value={functionId}
                onChange={(e) => {
                  setFunctionId(e.target.value);
                  setPage(1);
                }}
              >
                <option value="">Every function</option>
                {(list.data?.functions ?? []).map((f) => (
                  <option key={f} value={f}>
                    {f}
                  </option>
                ))}
              </NativeSelect>
            </div>
          </div>
        }
        headers={[
          "Function / started by",
          { label: "Status", className: WIDE_ONLY },
          { label: "Started / duration", className: WIDE_ONLY },
          { label: "Attempt", className: WIDE_ONLY },
          { label: "Error", className: WIDE_ONLY },
          ACTIONS_HEADER,
        ]}
        data={list.data}
        emptyText={status || functionId ? "No runs match." : "No job has run yet."}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
      >
        {(run) => {
          const state = RUN_STATES[run.state];
          const show = () => setOpen({ id: run.id, functionId: run.functionId });
          return (
            <TR key={run.id} data-run-id={run.id}>
              <TD className="max-w-[13rem] md:max-w-[15rem]">
                <Truncate text={run.functionId} className="font-medium" />
                <Truncate text={triggerText(run)} className="font-mono text-xs text-muted-foreground" />
                <span
                  className={`${PHONE_ONLY} mt-1 flex flex-wrap items-center gap-x-2 text-xs text-muted-foreground`}
                >
                  <Badge variant={state.variant}>{state.label}</Badge>
                  {runDuration(run, now)}
                </span>
              </TD>
              <TD className={WIDE_ONLY}>
                <Badge variant={state.variant}>{state.label}</Badge>
              </TD>
              <TD className={`${WIDE_ONLY} whitespace-nowrap`}>
                <DateTime value={run.startedAt ?? run.createdAt} />
                <span className="block text-xs text-muted-foreground">{runDuration(run, now)}</span>
              </TD>
              <TD className={`${WIDE_ONLY} whitespace-nowrap`}>
                {run.attempt} / {run.maxAttempts}
              </TD>
              <TD className={`${WIDE_ONLY} max-w-[14rem]`}>
                {run.error ? <Truncate text={run.error.message || run.error.name} className="text-destructive" /> : "—"}
              </TD>
              <TD className="text-right">
                <RowActions
                  rowId={run.id}
                  rowName={`run of ${run.functionId} started ${formatDateTime(run.startedAt ?? run.createdAt, { locale, timeZone })}`}
                  primary={
                    <Button variant="ghost" size="sm" onClick={show} aria-label={`Steps of run of ${run.functionId}`}>
                      Steps
                    </Button>
                  }
                  items={[
                    canRetry(run.state) && {
                      label: "Retry now",
                      disabled: controls.busy,
                      onSelect: () => controls.retry(run),
                    },
                    canCancel(run.state) && {
                      label: "Cancel run",
                      destructive: true,
                      disabled: controls.busy,
                      onSelect: () => controls.askCancel(run, () => rowMenuButton(run.id)),
                    },
                  ]}
                />
              </TD>
            </TR>
          );
        }}
      </ListTable>
      <Dialog open={open !== null} onOpenChange={(o) => !o && setOpen(null)}>
        {open ? (
          <RunDialog
            id={open.id}
            functionId={open.functionId}
            busy={controls.busy}
            onRetry={controls.retry}
            onCancel={(run) => controls.askCancel(run)}
          />
        ) : null}
      </Dialog>
      {controls.dialog}
    </>
  );
}
