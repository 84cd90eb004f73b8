"use client";
/**
 * Retry now and Cancel for one run, shared by the list's row menu and the run's dialog. Cancel asks
 * first (ConfirmDialog), saying what happens to a step that is running; Retry now does not (it only
 * brings forward work that was going to happen or that failed).
 */
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export interface RunRef {
  id: string;
  functionId: string;
  state: string;
}

export function useRunControls(opts: { onDone: (message: string) => void; onError: (message: string) => void }) {
  const utils = trpc.useUtils();
  const [asking, setAsking] = useState<{ run: RunRef; returnFocus?: () => HTMLElement | null } | null>(null);
  const refresh = () => Promise.all([utils.job.list.invalidate(), utils.job.get.invalidate()]);
  const retry = trpc.job.retry.useMutation({
    onSuccess: (r) => {
      opts.onDone(
        r.outcome === "restarted"
          ? "The run starts again from the step that failed; the steps it completed keep their results."
          : "The run tries its step again now.",
      );
      void refresh();
    },
    onError: (e) => opts.onError(e.message),
  });
  const cancel = trpc.job.cancel.useMutation({
    onSuccess: (r) => {
      setAsking(null);
      opts.onDone(
        r.outcome === "cancelled"
          ? "The run is cancelled."
          : "The run is being cancelled: the step running now finishes, nothing after it runs.",
      );
      void refresh();
    },
    onError: (e) => {
      setAsking(null);
      opts.onError(e.message);
    },
  });
  const dialog = (
    <ConfirmDialog
      open={asking !== null}
      onOpenChange={(o) => !o && setAsking(null)}
      title={`Cancel this run of ${asking?.run.functionId ?? ""}?`}
      confirmLabel="Cancel run"
      destructive
      pending={cancel.isPending}
      onConfirm={() => asking && cancel.mutate({ id: asking.run.id })}
      returnFocus={asking?.returnFocus}
    >
      <p>The run ends as cancelled and none of its remaining steps run. It cannot be resumed.</p>
      {asking?.run.state === "running" ? (
        <p>A step is running right now: it finishes (what it does cannot be stopped half-way), then the run ends.</p>
      ) : null}
    </ConfirmDialog>
  );
  return {
    retry: (run: RunRef) => retry.mutate({ id: run.id }),
    askCancel: (run: RunRef, returnFocus?: () => HTMLElement | null) => setAsking({ run, returnFocus }),
    busy: retry.isPending || cancel.isPending,
    dialog,
  };
}
