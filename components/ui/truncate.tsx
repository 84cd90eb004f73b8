"use client";
/**
 * A long value cut to one line with "…". The whole value stays in the page (screen readers read it)
 * and in the tooltip (`title`); while it is cut, it can be focused, and then it shows in full.
 */
import { useEffect, useRef, useState } from "react";
import { cn } from "./cn";

export function Truncate({ text, className }: { text: string; className?: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  const [cut, setCut] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setCut(el.scrollWidth > el.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <span
      ref={ref}
      title={text}
      className={cn(
        "block max-w-full truncate rounded-sm focus-visible:whitespace-normal focus-visible:break-all focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
        className,
      )}
      {...(cut ? { tabIndex: 0 } : {})}
    >
      {text}
    </span>
  );
}
