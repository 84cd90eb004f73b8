"use client";
/** Every IANA time zone this browser knows, "UTC" first; used by both time zone forms. */
import { useMemo } from "react";
import { NativeSelect } from "@/components/ui/input";
import { timeZoneNames } from "@/lib/schemas/time-zone";

export function TimeZoneSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (zone: string) => void;
}) {
  const zones = useMemo(() => {
    const all = timeZoneNames();
    // A zone saved by a runtime that knows more names than this browser stays selectable.
    return all.includes(value) ? all : [value, ...all];
  }, [value]);
  return (
    <NativeSelect id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      {zones.map((z) => (
        <option key={z} value={z}>
          {z.replaceAll("_", " ")}
        </option>
      ))}
    </NativeSelect>
  );
}
