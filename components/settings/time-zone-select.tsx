"use client";
/**
 * The time zone picker of both time zone forms: a combobox (WAI-ARIA 1.2 pattern, list autocomplete)
 * over every IANA zone this browser knows, the organisation's country's zones first, each with its
 * offset now. Type to search ("new york", "kolkata"); ↓/↑ move through the list, Enter chooses,
 * Esc closes it and puts back the chosen zone. Focus stays in the input throughout.
 */
import { useEffect, useId, useMemo, useState } from "react";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { countryName } from "@/lib/schemas/country";
import { timeZoneNames } from "@/lib/schemas/time-zone";
import { countryTimeZones, zoneLabel, zoneMatches, zoneOffset } from "@/lib/time-zones";

interface Group {
  label: string;
  zones: string[];
}

export function TimeZoneSelect({
  id,
  value,
  onChange,
  country,
}: {
  id: string;
  value: string;
  onChange: (zone: string) => void;
  /** The organisation's country (ISO code): its zones are listed first. */
  country?: string | null;
}) {
  const listId = useId();
  const [query, setQuery] = useState(zoneLabel(value));
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  const groups = useMemo<Group[]>(() => {
    const all = timeZoneNames();
    // A zone saved by a runtime that knows more names than this browser stays selectable.
    if (!all.includes(value)) all.unshift(value);
    const local = countryTimeZones(country);
    const rest = all.filter((z) => !local.includes(z));
    return [
      ...(local.length ? [{ label: country ? countryName(country) : "", zones: local }] : []),
      { label: local.length ? "All time zones" : "Time zones", zones: rest },
    ];
  }, [country, value]);

  // While the input shows the chosen zone, the whole list is offered; once typed in, the matches.
  const search = query === zoneLabel(value) ? "" : query;
  const shown = useMemo(
    () =>
      groups
        .map((g) => ({ ...g, zones: g.zones.filter((z) => zoneMatches(z, search)) }))
        .filter((g) => g.zones.length > 0),
    [groups, search],
  );
  const flat = useMemo(() => shown.flatMap((g) => g.zones), [shown]);
  const optionId = (zone: string) => `${listId}-${zone}`;
  const activeZone = open ? flat[active] : undefined;
  // Open with nothing to offer: a message, not an empty listbox.
  const expanded = open && flat.length > 0;

  // A zone chosen elsewhere (the form reset, another organisation opened) shows at once.
  useEffect(() => setQuery(zoneLabel(value)), [value]);

  // The offsets of the moment the list opened (they change twice a year, not while it is open).
  // biome-ignore lint/correctness/useExhaustiveDependencies: recomputed each time the list opens
  const now = useMemo(() => new Date(), [open]);

  useEffect(() => {
    if (activeZone) document.getElementById(optionId(activeZone))?.scrollIntoView({ block: "nearest" });
  });

  function choose(zone: string) {
    onChange(zone);
    setQuery(zoneLabel(zone));
    setOpen(false);
    setActive(-1);
  }

  function close() {
    setOpen(false);
    setActive(-1);
    setQuery(zoneLabel(value));
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) {
        setOpen(true);
        // Opening on the chosen zone, so ↓ goes on from where the list stands.
        const at = flat.indexOf(value);
        setActive(at >= 0 ? at : e.key === "ArrowDown" ? -1 : flat.length - 1);
        return;
      }
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (flat.length === 0 ? -1 : (i + step + flat.length) % flat.length));
    } else if (e.key === "Enter" && open) {
      // Choosing from the open list does not submit the form.
      e.preventDefault();
      const zone = flat[active] ?? (flat.length === 1 ? flat[0] : undefined);
      if (zone) choose(zone);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      close();
    }
  }

  return (
    <div className="relative">
      <Input
        id={id}
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeZone ? optionId(activeZone) : undefined}
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onClick={() => setOpen(true)}
        onBlur={close}
      />
      {expanded ? (
        <div
          id={listId}
          role="listbox"
          aria-label="Time zones"
          className="absolute z-20 mt-1 max-h-72 w-full overflow-y-auto rounded-md border bg-card py-1 text-sm shadow-lg"
        >
          {shown.map((group) => (
            // biome-ignore lint/a11y/useSemanticElements: a listbox's option groups are role="group", not fieldsets
            <div key={group.label} role="group" aria-label={group.label}>
              <div
                aria-hidden
                className="px-3 pt-2 pb-1 text-xs font-semibold uppercase tracking-wide text-muted-foreground"
              >
                {group.label}
              </div>
              {group.zones.map((zone) => (
                <div
                  key={zone}
                  id={optionId(zone)}
                  role="option"
                  aria-selected={zone === value}
                  tabIndex={-1}
                  // Chosen on press, before the input's blur would close the list.
                  onMouseDown={(e) => {
                    e.preventDefault();
                    choose(zone);
                  }}
                  className={cn(
                    "flex cursor-pointer justify-between gap-3 px-3 py-1.5 hover:bg-muted",
                    zone === activeZone && "bg-accent text-primary",
                    zone === value && "font-medium",
                  )}
                >
                  <span>{zoneLabel(zone)}</span>
                  <span className="whitespace-nowrap text-xs text-muted-foreground">{zoneOffset(zone, now)}</span>
                </div>
              ))}
            </div>
          ))}
        </div>
      ) : null}
      {open && !expanded ? (
        <p
          role="status"
          className="absolute z-20 mt-1 w-full rounded-md border bg-card px-3 py-2 text-sm text-muted-foreground shadow-lg"
        >
          No time zone matches “{query.trim()}”.
        </p>
      ) : null}
    </div>
  );
}
