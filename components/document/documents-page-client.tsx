"use client";
/**
 * The document library: upload (encrypted in this browser), the list with names decrypted here,
 * status while the gateway converts, view, download, rename and delete. Organisation admins switch
 * between their own documents and the organisation's.
 */
import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatBytes } from "@/components/job/job-labels";
import { UnlockDocuments } from "@/components/keys/unlock-documents";
import { trpc } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DataTable } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { PageAlerts } from "@/components/ui/page-alerts";
import { RowActions } from "@/components/ui/row-actions";
import { Truncate } from "@/components/ui/truncate";
import { downloadMimeType, downloadName } from "@/lib/documents/download-name";
import { fetchDecrypted } from "@/lib/documents/fetch-decrypted";
import { openDocumentKeyFor } from "@/lib/documents/open-document-key";
import { FAX_QUALITY_LABELS } from "@/lib/schemas/fax";
import { DocumentUpload } from "./document-upload";
import { DocumentViewer } from "./document-viewer";
import { RenameDocumentForm } from "./rename-document-form";
import { useDocumentKeys } from "./use-document-keys";
import { useDocumentNames } from "./use-document-names";

type Row = {
  id: string;
  nameCipher: string;
  kind: string;
  quality: keyof typeof FAX_QUALITY_LABELS;
  sizeBytes: number;
  pageCount: number | null;
  status: "UPLOADING" | "PROCESSING" | "READY" | "INVALID";
  invalidReason: string | null;
  createdAt: Date;
  owner: { id: string; username: string } | null;
  keyForMe: { via: "owner" | "tenant"; sealedKey: string } | null;
};

const STATUS = {
  UPLOADING: { label: "Uploading", variant: "muted" },
  PROCESSING: { label: "Processing", variant: "warning" },
  READY: { label: "Ready", variant: "success" },
  INVALID: { label: "Invalid", variant: "danger" },
} as const;

function saveFile(bytes: Uint8Array, name: string, type: string) {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function DocumentsPageClient({ isAdmin }: { isAdmin: boolean }) {
  const [view, setView] = useState<"mine" | "all">("mine");
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState("");
  const [uploading, setUploading] = useState(false);
  const [dropped, setDropped] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const router = useRouter();
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<Row | null>(null);
  const [deleting, setDeleting] = useState<Row | null>(null);
  const [viewing, setViewing] = useState<Row | null>(null);
  const utils = trpc.useUtils();
  const { me, tenant } = useDocumentKeys();
  const list = trpc.document.list.useQuery(
    { view, page, pageSize: 50 },
    // While the gateway converts, look again every 2 s; otherwise not at all.
    {
      refetchInterval: (q) =>
        q.state.data?.items.some((d) => d.status === "PROCESSING" || d.status === "UPLOADING") ? 2000 : false,
    },
  );
  const rows = list.data?.items as Row[] | undefined;
  const names = useDocumentNames(rows, me, tenant);
  const remove = trpc.document.delete.useMutation({
    onSuccess: (result) => {
      setDeleting(null);
      setNotice(
        result.faxesKeepingTheirRecord
          ? `Document deleted. ${result.faxesKeepingTheirRecord} sent fax(es) keep their record, without the pages.`
          : "Document deleted.",
      );
      void utils.document.list.invalidate();
    },
  });

  // Names are encrypted: until the password opens them, say so rather than show bare dots.
  const nameOf = (d: Row) =>
    names[d.id] ?? (!d.keyForMe ? "Waiting for access" : me ? "…" : "Name hidden until you enter your password");
  const shown = rows?.filter((d) => !search || (names[d.id] ?? "").toLowerCase().includes(search.toLowerCase()));
  const data = shown && list.data ? { items: shown, total: search ? shown.length : list.data.total } : undefined;

  async function download(d: Row) {
    setProblem(null);
    try {
      if (!me) throw new Error("Enter your password first (above the list) to open your documents.");
      const K = await openDocumentKeyFor(d.keyForMe, me, tenant);
      const bytes = await fetchDecrypted(d.id, "original", K);
      K.fill(0);
      saveFile(bytes, downloadName(names[d.id] ?? "document", d.kind), downloadMimeType(d.kind));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : "The document could not be downloaded.");
    }
  }

  const uploadFile = (file: File | null) => {
    setDropped(file);
    setUploading(true);
  };
  /** Files dragged onto the page: the whole page takes them, not only the zone. */
  const dragHandlers = {
    onDragOver: (e: React.DragEvent) => {
      if (!e.dataTransfer.types.includes("Files")) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = "copy";
      setDragging(true);
    },
    onDragLeave: (e: React.DragEvent) => {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
    },
    onDrop: (e: React.DragEvent) => {
      if (!e.dataTransfer.types.includes("Files")) return;
      e.preventDefault();
      setDragging(false);
      const [file, ...more] = Array.from(e.dataTransfer.files);
      if (!file) return;
      setNotice(more.length ? `One file at a time: uploading ${file.name} first.` : null);
      uploadFile(file);
    },
  };

  return (
    // Dropping files is a shortcut: the Upload document button does the same by keyboard.
    <div {...dragHandlers} data-testid="documents-drop-area">
      <PageHeader
        title="Documents"
        description="Your fax documents, encrypted in your browser: only you and your organisation's admins can open them."
        actions={<Button onClick={() => uploadFile(null)}>Upload document</Button>}
      />
      <PageAlerts notice={notice} errors={[list.error, problem ? new Error(problem) : null]} />
      <UnlockDocuments why="Enter your password to open your documents and see their names." />
      <div
        data-testid="document-drop-zone"
        className={cn(
          "mb-4 rounded-lg border-2 border-dashed p-4 text-center text-sm text-muted-foreground",
          dragging && "border-primary bg-accent text-foreground",
        )}
      >
        {dragging ? "Drop the file to upload it." : "Drag a file onto this page to upload it, or use Upload document."}
      </div>
      <DataTable
        id="documents"
        label="Documents"
        toolbar={
          <div className="flex flex-wrap items-center gap-2">
            {isAdmin ? (
              <fieldset className="flex gap-1">
                <legend className="sr-only">Whose documents</legend>
                {(["mine", "all"] as const).map((v) => (
                  <Button
                    key={v}
                    size="sm"
                    variant={view === v ? "default" : "outline"}
                    aria-pressed={view === v}
                    onClick={() => {
                      setView(v);
                      setPage(1);
                    }}
                  >
                    {v === "mine" ? "Mine" : "All of the organisation"}
                  </Button>
                ))}
              </fieldset>
            ) : null}
            <label className="sr-only" htmlFor="documents-search">
              Search names on this page
            </label>
            <input
              id="documents-search"
              type="search"
              placeholder="Search names"
              value={search}
              maxLength={200}
              onChange={(e) => setSearch(e.target.value)}
              className="h-9 rounded-md border px-3 text-sm"
            />
          </div>
        }
        columns={[
          {
            id: "name",
            header: "Name",
            key: true,
            sortValue: (d) => names[d.id] ?? "",
            cell: (d) => <Truncate text={nameOf(d)} className="max-w-72 font-medium" />,
          },
          {
            id: "status",
            header: "Status",
            key: true,
            sortValue: (d) => d.status,
            cell: (d) => (
              <span className="grid gap-1">
                <Badge variant={STATUS[d.status].variant}>{STATUS[d.status].label}</Badge>
                {d.status === "INVALID" && d.invalidReason ? (
                  <span className="text-xs text-red-800">{d.invalidReason}</span>
                ) : null}
              </span>
            ),
          },
          { id: "pages", header: "Pages", sortValue: (d) => d.pageCount ?? 0, cell: (d) => d.pageCount ?? "—" },
          { id: "size", header: "Size", sortValue: (d) => d.sizeBytes, cell: (d) => formatBytes(d.sizeBytes) },
          {
            id: "quality",
            header: "Quality",
            optional: true,
            cell: (d) => FAX_QUALITY_LABELS[d.quality].split(" (")[0],
          },
          view === "all"
            ? {
                id: "owner",
                header: "Owner",
                sortValue: (d: Row) => d.owner?.username ?? "",
                cell: (d: Row) => d.owner?.username ?? "—",
              }
            : null,
          {
            id: "uploaded",
            header: "Uploaded",
            sortValue: (d) => new Date(d.createdAt),
            cell: (d) => <DateTime value={d.createdAt} />,
          },
        ]}
        data={data}
        rowId={(d) => d.id}
        rowName={nameOf}
        actions={(d) => (
          <RowActions
            rowId={d.id}
            rowName={nameOf(d)}
            primary={
              <Button
                variant="ghost"
                size="sm"
                disabled={d.status !== "READY" || !d.keyForMe || !me}
                aria-label={`View ${nameOf(d)}`}
                onClick={() => setViewing(d)}
              >
                View
              </Button>
            }
            items={[
              {
                // New fax lists one's own documents: another person's opens there only after a copy.
                label: "Send as fax",
                onSelect: () => router.push(`/send/new?document=${d.id}`),
                disabled: d.status !== "READY" || d.keyForMe?.via !== "owner",
              },
              {
                label: "Download original",
                onSelect: () => void download(d),
                disabled: !d.keyForMe || !me || d.status === "UPLOADING",
              },
              { label: "Rename", onSelect: () => setRenaming(d), disabled: !d.keyForMe || !me },
              { label: "Delete", destructive: true, onSelect: () => setDeleting(d) },
            ]}
          />
        )}
        empty={{
          title: view === "all" ? "Your organisation has no documents yet." : "No documents yet.",
          next: "Upload a PDF, Word or other document; it is encrypted in your browser first.",
          noun: "documents",
          filtered: Boolean(search),
          onClearFilters: () => setSearch(""),
        }}
        page={page}
        pageSize={50}
        onPage={setPage}
      />
      <Dialog open={uploading} onOpenChange={setUploading}>
        {uploading ? (
          <DialogContent title="Upload a document" description="Encrypted in this browser before it is sent.">
            <DocumentUpload
              initialFile={dropped}
              onUploaded={() => {
                setUploading(false);
                setNotice("Uploaded. The document is being prepared for faxing; it shows Ready when done.");
                void utils.document.list.invalidate();
              }}
            />
          </DialogContent>
        ) : null}
      </Dialog>
      <Dialog open={renaming !== null} onOpenChange={(open) => !open && setRenaming(null)}>
        {renaming && me ? (
          <DialogContent title="Rename document">
            <RenameDocumentForm
              document={renaming}
              current={names[renaming.id] ?? ""}
              me={me}
              tenant={tenant}
              onDone={() => {
                setRenaming(null);
                setNotice("Document renamed.");
                void utils.document.list.invalidate();
              }}
            />
          </DialogContent>
        ) : null}
      </Dialog>
      <Dialog open={viewing !== null} onOpenChange={(open) => !open && setViewing(null)}>
        {viewing && me ? (
          <DialogContent title={names[viewing.id] ?? "Document"} className="md:max-w-5xl">
            <DocumentViewer document={viewing} me={me} tenant={tenant} />
          </DialogContent>
        ) : null}
      </Dialog>
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => {
          if (!open) {
            setDeleting(null);
            remove.reset();
          }
        }}
        title="Delete this document?"
        confirmLabel="Delete document"
        destructive
        pending={remove.isPending}
        error={remove.error?.message}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
      >
        <p>
          {deleting ? <strong>{nameOf(deleting)}</strong> : null} and its fax pages are removed from storage for good.
          Faxes already sent with it keep their record and result, but their pages can no longer be viewed. A fax still
          waiting to send it stops the delete.
        </p>
      </ConfirmDialog>
    </div>
  );
}
