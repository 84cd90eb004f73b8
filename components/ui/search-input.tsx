"use client";
import { useEffect, useState } from "react";
import { Input } from "./input";

/** A search box that reports its value after the person pauses typing. */
export function SearchInput({ onSearch, placeholder = "Search…" }: { onSearch: (v: string) => void; placeholder?: string }) {
  const [value, setValue] = useState("");
  useEffect(() => {
    const t = setTimeout(() => onSearch(value), 250);
    return () => clearTimeout(t);
  }, [value, onSearch]);
  return (
    <Input type="search" aria-label="Search" placeholder={placeholder} value={value}
      onChange={(e) => setValue(e.target.value)} className="max-w-xs" />
  );
}
