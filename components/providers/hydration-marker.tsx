"use client";
import { useEffect } from "react";

/** Marks the page as interactive (<html data-hydrated>), so browser tests act only once React is ready. */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
