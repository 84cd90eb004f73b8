"use client";
import { NativeSelect } from "@/components/ui/input";
import { type DidPerson, personName } from "./did-labels";

export interface PoolUser extends DidPerson {
  id: string;
}

/** Picks which of the tenant's users holds a number; "" leaves it unassigned. */
export function DidUserSelect({
  id,
  number,
  value,
  users,
  disabled,
  onChange,
}: {
  id?: string;
  number: string;
  value: string;
  users: PoolUser[];
  disabled?: boolean;
  onChange: (userId: string | null) => void;
}) {
  return (
    <NativeSelect
      id={id}
      aria-label={id ? undefined : `Assign ${number} to`}
      value={value}
      disabled={disabled}
      className="min-w-48"
      onChange={(e) => onChange(e.target.value || null)}
    >
      <option value="">Unassigned</option>
      {users.map((u) => (
        <option key={u.id} value={u.id}>
          {personName(u)}
        </option>
      ))}
    </NativeSelect>
  );
}
