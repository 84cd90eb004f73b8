"use client";
import { useEffect, useRef, useState } from "react";
import { SEARCH_MAX } from "@/lib/schemas/common";
import { Input } from "./input";

/** A search box that reports its value after the person pauses typing (only when it changed). */
export function SearchInput({
  onSearch,
  placeholder = "Search…",
}: {
  onSearch: (v: string) => void;
  placeholder?: string;
}) {
  const [value, setValue] = useState("");
  const latest = useRef(onSearch);
  latest.current = onSearch;
  const reported = useRef("");
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
