/** How the tenant's portal will look: browser tab title, header and footer, before saving. */
import { BrandMark } from "@/components/shell/brand-mark";

export function BrandPreview({
  name,
  title,
  footer,
  logoUrl,
}: {
  name: string;
  title: string;
  footer: string;
  logoUrl: string | null;
}) {
  const shown = name.trim() || "Company";
  return (
    <div
      className="overflow-hidden rounded-md border text-sm"
      data-testid="brand-preview"
      role="img"
      aria-label="Preview"
    >
      <div className="flex items-center gap-2 border-b bg-muted px-3 py-1.5 text-xs text-muted-foreground">
        <span className="size-2 rounded-full bg-border" aria-hidden />
        <span className="truncate" data-testid="preview-title">
          {title.trim() || `${shown} Fax`}
        </span>
      </div>
      <div className="flex h-12 items-center gap-3 border-b bg-card px-3">
        <BrandMark brand={{ kind: "tenant", name: shown, title, footer, logoUrl }} size={28} />
        <span className="font-semibold" data-testid="preview-name">
          {shown}
        </span>
      </div>
      <div className="h-16 bg-background" aria-hidden />
      <div className="border-t bg-card p-2 text-center text-xs text-muted-foreground" data-testid="preview-footer">
        {footer.trim() || `© ${shown}`}
      </div>
    </div>
  );
}
