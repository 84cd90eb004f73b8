"use client";
/** Every country the phone rules know, by name with its calling code; used by both country forms. */
import { useMemo } from "react";
import { NativeSelect } from "@/components/ui/input";
import { countryOptions } from "@/lib/schemas/country";

export function CountrySelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (code: string) => void;
}) {
  const options = useMemo(() => countryOptions(), []);
  return (
    <NativeSelect id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      {options.map((c) => (
        <option key={c.code} value={c.code}>
          {c.name} (+{c.callingCode})
        </option>
      ))}
    </NativeSelect>
  );
}
