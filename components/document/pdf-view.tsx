"use client";
/**
 * Shows decrypted PDF bytes with pdf.js (react-pdf), page by page, with zoom: 100 % fits the page to
 * the width it has (on a phone too). The bytes never leave the browser; pdf.js's worker is served
 * from our own build (no CDN).
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { Document, Page, pdfjs } from "react-pdf";
import { Button } from "@/components/ui/button";

pdfjs.GlobalWorkerOptions.workerSrc = new URL("pdfjs-dist/build/pdf.worker.min.mjs", import.meta.url).toString();

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2];

export default function PdfView({
  bytes,
  label,
  pageHeader,
  before,
}: {
  bytes: Uint8Array;
  label: string;
  /** A line shown above each page, as a fax machine prints it (fax previews: lib/fax-header.ts). */
  pageHeader?: (page: number) => string;
  /** Pages shown first and numbered with the rest (a fax's cover page). */
  before?: Uint8Array;
}) {
  // pdf.js takes the buffer over; give it a copy so a re-render can show the same bytes again.
  const file = useMemo(() => ({ data: bytes.slice() }), [bytes]);
  const beforeFile = useMemo(() => (before ? { data: before.slice() } : null), [before]);
  const [ownPages, setPages] = useState(0);
  const [beforePages, setBeforePages] = useState(0);
  const leading = beforeFile ? beforePages : 0;
  const pages = ownPages + leading;
  const [zoom, setZoom] = useState(2); // index into ZOOMS: 100 %
  const [width, setWidth] = useState(0);
  const [error, setError] = useState<string | null>(null);
  // 100 % is the box's width, measured as it changes (a dialog opening, a phone turned): a page
  // never opens wider than the screen it is on.
  const box = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(0, el.clientWidth - 16));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const pageWidth = width ? Math.max(120, Math.round(width * ZOOMS[zoom]!)) : undefined;
  return (
    <section aria-label={label} className="grid min-w-0 grid-cols-1 gap-2">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium">{label}</span>
        <span className="text-muted-foreground">{pages ? `${pages} page${pages === 1 ? "" : "s"}` : ""}</span>
        <span className="ml-auto flex items-center gap-1">
          <Button
            size="sm"
            variant="outline"
            aria-label={`Zoom out ${label}`}
            disabled={zoom === 0}
            onClick={() => setZoom((z) => z - 1)}
          >
            −
          </Button>
          <span aria-live="polite" className="w-12 text-center">
            {Math.round(ZOOMS[zoom]! * 100)}%
          </span>
          <Button
            size="sm"
            variant="outline"
            aria-label={`Zoom in ${label}`}
            disabled={zoom === ZOOMS.length - 1}
            onClick={() => setZoom((z) => z + 1)}
          >
            +
          </Button>
        </span>
      </div>
      {error ? <p className="text-sm text-red-800">{error}</p> : null}
      <section
        className="max-h-[70vh] w-full min-w-0 overflow-auto rounded border bg-muted p-2"
        ref={box}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must be focusable to scroll by keyboard
        tabIndex={0}
        aria-label={`${label}: pages`}
      >
        {beforeFile ? (
          <Document
            file={beforeFile}
            onLoadSuccess={(doc) => setBeforePages(doc.numPages)}
            onLoadError={() => setError("These pages could not be shown.")}
            loading={<p className="text-sm">Opening…</p>}
          >
            {Array.from({ length: pageWidth ? beforePages : 0 }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: pages are their numbers
              <PdfPage key={i} page={i + 1} number={i + 1} width={pageWidth} header={pageHeader} />
            ))}
          </Document>
        ) : null}
        <Document
          file={file}
          onLoadSuccess={(doc) => setPages(doc.numPages)}
          onLoadError={() => setError("These pages could not be shown.")}
          loading={<p className="text-sm">Opening…</p>}
        >
          {/* No page until the box is measured: pdf.js would draw it at its natural size first. */}
          {Array.from({ length: pageWidth ? ownPages : 0 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: pages are their numbers
            <PdfPage key={i} page={i + 1} number={leading + i + 1} width={pageWidth} header={pageHeader} />
          ))}
        </Document>
      </section>
    </section>
  );
}

/** One page (`page` of its own file), under the header line of its place in the whole (`number`). */
function PdfPage({
  page,
  number,
  width,
  header,
}: {
  page: number;
  number: number;
  width: number | undefined;
  header?: (page: number) => string;
}) {
  return (
    <div className="mx-auto mb-2 w-fit bg-white shadow">
      {header ? (
        <p
          data-testid="fax-page-header"
          className="overflow-hidden whitespace-pre px-2 pt-1 font-mono text-[10px] text-black"
          style={width ? { width } : undefined}
        >
          {header(number)}
        </p>
      ) : null}
      <Page pageNumber={page} width={width} renderTextLayer={false} renderAnnotationLayer={false} />
    </div>
  );
}
