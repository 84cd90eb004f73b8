"use client";
import { useEffect, useRef, useState } from "react";
import { SEARCH_MAX } from "@/lib/schemas/common";
import { Input } from "./input";

/** A search box that reports its value after the person pauses typing (only when it changed). */
export function SearchInput({
  onSearch,
  placeholder = "Search…",
  initial = "",
}: {
  onSearch: (v: string) => void;
  placeholder?: string;
  /** The search the list starts with (e.g. from the address). */
  initial?: string;
}) {
  const [value, setValue] = useState(initial);
  const latest = useRef(onSearch);
  latest.current = onSearch;
  const reported = useRef(initial);
  useEffect(() => {
    if (value === reported.current) return;
    const t = setTimeout(() => {
      reported.current = value;
      latest.current(value);
    }, 250);
    return () => clearTimeout(t);
  }, [value]);
  return (
    <Input
      type="search"
      aria-label="Search"
      placeholder={placeholder}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      maxLength={SEARCH_MAX}
      showCount={false}
      className="max-w-xs"
    />
  );
}
