"use client";
import { useCallback, useState } from "react";

/**
 * Search text and page of a server-paginated list; a new search starts again at page 1. `initial`
 * comes from the address (`?search=`, e.g. a link from the audit log). `filterKey` changes when the
 * filters are cleared: give it to the toolbar as `key` so its inputs start empty again.
 */
export function useListParams(initial = "") {
  const [search, setSearch] = useState(initial);
  const [page, setPage] = useState(1);
  const [filterKey, setFilterKey] = useState(0);
  const onSearch = useCallback((value: string) => {
    setSearch(value);
    setPage(1);
  }, []);
  const clearSearch = useCallback(() => {
    setSearch("");
    setPage(1);
    setFilterKey((k) => k + 1);
  }, []);
  return { search, page, setPage, onSearch, clearSearch, filterKey };
}
