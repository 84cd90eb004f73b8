"use client";
import { useCallback, useState } from "react";

/** Search text and page of a server-paginated list; a new search starts again at page 1. */
export function useListParams() {
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(1);
  const onSearch = useCallback((value: string) => {
    setSearch(value);
    setPage(1);
  }, []);
  return { search, page, setPage, onSearch };
}
