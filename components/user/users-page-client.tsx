"use client";
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { useTenantOptions } from "@/components/tenant/tenant-options";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { NativeSelect } from "@/components/ui/input";
import { rowMenuButton } from "@/components/ui/row-actions";
import { SearchInput } from "@/components/ui/search-input";
import { Truncate } from "@/components/ui/truncate";
import { useListParams } from "@/components/ui/use-list-params";
import { ROLE_LABELS } from "@/lib/roles";
import { SetPasswordForm } from "./set-password-form";
import { UserCreateForm } from "./user-create-form";
import { UserEditForm } from "./user-edit-form";
import { lockedOutUntil, type UserRow, type Viewer } from "./user-row";
import { UserRowActions } from "./user-row-actions";
import { UserStatus } from "./user-status";

const PAGE_SIZE = 20;

type Open = { kind: "new" } | { kind: "edit"; user: UserRow } | { kind: "password"; user: UserRow } | null;

export function UsersPageClient({ viewer, initialSearch = "" }: { viewer: Viewer; initialSearch?: string }) {
  const isPlatform = viewer.role === "PLATFORM_ADMIN";
  const { search, page, setPage, onSearch, clearSearch, filterKey } = useListParams(initialSearch);
  // Platform admins read each person's dates in their organisation's zone (platform admins: the page's).
  const zoneOf = (u: UserRow) => (isPlatform ? u.tenant?.timeZone : undefined);
  const [tenantId, setTenantId] = useState("");
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  const utils = trpc.useUtils();
  const tenants = useTenantOptions({ enabled: isPlatform }).items;
  const list = trpc.user.list.useQuery({ search, page, pageSize: PAGE_SIZE, tenantId: tenantId || undefined });
  // Stable, so the search box's debounce does not fire again (and reset the page) on every render.

  const done = (text: string) => {
    setOpen(null);
    setNotice({ kind: "success", text });
    void utils.user.list.invalidate();
    // A new or promoted admin, or a password just set, puts someone on the Waiting for access list.
    if (!isPlatform) void utils.tenantKeys.waiting.invalidate();
  };

  return (
    <>
      <PageHeader
        title="Users"
        description={
          isPlatform
            ? "Everyone on the platform: organisations' users and admins, and platform admins."
            : "The people who can sign in to your fax portal."
        }
        actions={
          <Button onClick={() => setOpen({ kind: "new" })}>{isPlatform ? "New platform admin" : "New user"}</Button>
        }
      />
      {notice ? (
        <Alert variant={notice.kind} className="mb-4">
          {notice.text}
        </Alert>
      ) : null}
      <DataTable
        id="users"
        label="Users"
        toolbar={
          <div key={filterKey}>
            <div className="flex flex-wrap items-center gap-3">
              <SearchInput placeholder="Search username, name or email" onSearch={onSearch} initial={search} />
              {isPlatform ? (
                <NativeSelect
                  aria-label="Organisation"
                  className="max-w-xs"
                  value={tenantId}
                  onChange={(e) => {
                    setTenantId(e.target.value);
                    setPage(1);
                  }}
                >
                  <option value="">All organisations and platform admins</option>
                  {tenants.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
                </NativeSelect>
              ) : null}
            </div>
            {list.error ? (
              <Alert variant="error" className="mt-3">
                {list.error.message}
              </Alert>
            ) : null}
          </div>
        }
        columns={[
          {
            id: "username",
            header: "Username",
            sortValue: (u) => u.username,
            cell: (u) => <Truncate text={u.username} className="font-medium" />,
          },
          {
            id: "name",
            header: "Name",
            optional: true,
            sortValue: (u) => fullName(u),
            cell: (u) => <Truncate text={fullName(u) || "—"} className="max-w-40" />,
          },
          {
            id: "email",
            header: "Email",
            optional: true,
            sortValue: (u) => u.email,
            cell: (u) => <Truncate text={u.email} className="max-w-56" />,
          },
          isPlatform && {
            id: "organisation",
            header: "Organisation",
            optional: true,
            sortValue: (u) => u.tenant?.name ?? "",
            cell: (u) => <Truncate text={u.tenant?.name ?? "Platform"} className="max-w-40" />,
          },
          {
            id: "role",
            header: "Role",
            optional: true,
            sortValue: (u) => roleLabel(u),
            cell: (u) => roleLabel(u),
          },
          {
            id: "status",
            header: "Status",
            sortValue: (u) => (u.locked ? 2 : lockedOutUntil(u) ? 1 : 0),
            cell: (u) => <UserStatus user={u} timeZone={zoneOf(u)} />,
          },
          {
            id: "lastLogin",
            header: "Last sign-in",
            optional: true,
            sortValue: (u) => u.lastLoginAt,
            cell: (u) => (u.lastLoginAt ? <DateTime value={u.lastLoginAt} timeZone={zoneOf(u)} /> : "Never"),
          },
        ]}
        data={list.data}
        rowId={(u) => u.id}
        rowName={(u) => u.username}
        actions={(u) => (
          <UserRowActions
            user={u}
            viewer={viewer}
            onEdit={() => setOpen({ kind: "edit", user: u })}
            onPassword={() => setOpen({ kind: "password", user: u })}
            onDone={(text) => {
              setNotice({ kind: "success", text });
              void utils.user.list.invalidate();
            }}
            onError={(text) => setNotice({ kind: "error", text })}
          />
        )}
        empty={{
          title: "No users yet.",
          next: "Add the first with New user: they get an email to choose a password.",
          noun: "users",
          filtered: Boolean(search || tenantId),
          onClearFilters: () => {
            clearSearch();
            setTenantId("");
          },
        }}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
      />
      <Dialog open={open !== null} onOpenChange={(o) => !o && setOpen(null)}>
        {open?.kind === "new" ? (
          <DialogContent title="New user">
            <UserCreateForm viewer={viewer} onDone={done} />
          </DialogContent>
        ) : null}
        {open?.kind === "edit" ? (
          <DialogContent title={`Edit ${open.user.username}`}>
            <UserEditForm user={open.user} viewer={viewer} onDone={done} />
          </DialogContent>
        ) : null}
        {open?.kind === "password" ? (
          <DialogContent
            title={`Change password for ${open.user.username}`}
            // Opened from the row's "⋯" menu, which is gone by now: focus goes back to its button.
            onCloseAutoFocus={(e) => {
              const menu = rowMenuButton(open.user.id);
              if (menu) {
                e.preventDefault();
                menu.focus();
              }
            }}
            description="They will be signed out everywhere and must use the new password."
          >
            <SetPasswordForm user={open.user} viewer={viewer} onDone={done} />
          </DialogContent>
        ) : null}
      </Dialog>
    </>
  );
}

function fullName(u: UserRow): string {
  return `${u.firstName} ${u.lastName}`.trim();
}

function roleLabel(u: UserRow): string {
  const role = ROLE_LABELS[u.role];
  return u.permissions.length ? `${role} (${u.permissions.join(", ")})` : role;
}
