/**
 * How the tenant's portal will look before saving: the browser tab title, the header as it is on
 * a desktop and on a phone (390 px), the sign-in page's mark and the footer. The logo's box is
 * outlined, so its padding and how much room it takes are visible.
 */
import { BrandMark } from "@/components/shell/brand-mark";

const HEADER_SIZE = 32; // as in components/shell/app-shell.tsx
const SIGN_IN_SIZE = 48; // as in app/(auth)/layout.tsx

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
  const shown = name.trim() || "Organisation";
  const brand = { kind: "tenant" as const, name: shown, title, footer, logoUrl };
  const mark = (size: number) => (
    <span className="inline-flex rounded-sm outline-1 outline-muted-foreground/40 outline-dashed">
      <BrandMark brand={brand} size={size} />
    </span>
  );
  return (
    <div className="grid gap-3 text-sm" data-testid="brand-preview" role="img" aria-label="Preview">
      <div className="overflow-hidden rounded-md border">
        <div className="flex items-center gap-2 border-b bg-muted px-3 py-1.5 text-xs text-muted-foreground">
          <span className="size-2 rounded-full bg-border" aria-hidden />
          <span className="truncate" data-testid="preview-title">
            {title.trim() || `${shown} Fax`}
          </span>
        </div>
        <p className="px-3 pt-2 text-xs text-muted-foreground">Header on a desktop</p>
        <div className="flex h-14 items-center gap-3 border-b bg-card px-3" data-testid="preview-desktop">
          {mark(HEADER_SIZE)}
          <span className="line-clamp-2 min-w-0 flex-1 font-semibold leading-tight" data-testid="preview-name">
            {shown}
          </span>
          <span className="shrink-0 text-xs text-muted-foreground">Sign out</span>
        </div>
        <div className="grid place-items-center gap-2 bg-background p-3" data-testid="preview-sign-in">
          <p className="justify-self-start text-xs text-muted-foreground">Sign-in page</p>
          {mark(SIGN_IN_SIZE)}
          <span className="font-semibold">{shown}</span>
        </div>
        <div className="border-t bg-card p-2 text-center text-xs text-muted-foreground" data-testid="preview-footer">
          {footer.trim() || `© ${shown}`}
        </div>
      </div>
      <div>
        <p className="pb-1 text-xs text-muted-foreground">Header on a phone (390 px)</p>
        <div
          className="flex h-14 w-full max-w-[390px] items-center gap-3 rounded-md border bg-card px-3"
          data-testid="preview-phone"
        >
          {mark(HEADER_SIZE)}
          <span className="line-clamp-2 min-w-0 flex-1 font-semibold leading-tight">{shown}</span>
          <span className="shrink-0 rounded-md border px-2 py-1 text-xs">Menu</span>
        </div>
      </div>
    </div>
  );
}
