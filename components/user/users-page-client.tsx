"use client";
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { useTenantOptions } from "@/components/tenant/tenant-options";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { NativeSelect } from "@/components/ui/input";
import { ACTIONS_HEADER, ListTable, PHONE_ONLY, WIDE_ONLY } from "@/components/ui/list-table";
import { rowMenuButton } from "@/components/ui/row-actions";
import { SearchInput } from "@/components/ui/search-input";
import { TD, TR } from "@/components/ui/table";
import { Truncate } from "@/components/ui/truncate";
import { useListParams } from "@/components/ui/use-list-params";
import { ROLE_LABELS } from "@/lib/roles";
import { SetPasswordForm } from "./set-password-form";
import { UserCreateForm } from "./user-create-form";
import { UserEditForm } from "./user-edit-form";
import type { UserRow, Viewer } from "./user-row";
import { UserRowActions } from "./user-row-actions";
import { UserStatus } from "./user-status";

const PAGE_SIZE = 20;

type Open = { kind: "new" } | { kind: "edit"; user: UserRow } | { kind: "password"; user: UserRow } | null;

export function UsersPageClient({ viewer }: { viewer: Viewer }) {
  const isPlatform = viewer.role === "PLATFORM_ADMIN";
  const { search, page, setPage, onSearch } = useListParams();
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
  };

  return (
    <>
      <PageHeader
        title="Users"
        description={
          isPlatform
            ? "Everyone on the platform: tenant users, tenant admins and platform admins."
            : "The people who can sign in to your fax portal."
        }
        actions={<Button onClick={() => setOpen({ kind: "new" })}>New user</Button>}
      />
      {notice ? (
        <Alert variant={notice.kind} className="mb-4">
          {notice.text}
        </Alert>
      ) : null}
      <ListTable
        label="Users"
        toolbar={
          <>
            <div className="mb-3 flex flex-wrap items-center gap-3">
              <SearchInput placeholder="Search username, name or email" onSearch={onSearch} />
              {isPlatform ? (
                <NativeSelect
                  aria-label="Tenant"
                  className="max-w-xs"
                  value={tenantId}
                  onChange={(e) => {
                    setTenantId(e.target.value);
                    setPage(1);
                  }}
                >
                  <option value="">All tenants and platform admins</option>
                  {tenants.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
                </NativeSelect>
              ) : null}
            </div>
            {list.error ? (
              <Alert variant="error" className="mb-3">
                {list.error.message}
              </Alert>
            ) : null}
          </>
        }
        headers={[
          "Username",
          { label: "Name", className: WIDE_ONLY },
          { label: "Email", className: WIDE_ONLY },
          isPlatform ? { label: "Tenant", className: WIDE_ONLY } : null,
          { label: "Role", className: WIDE_ONLY },
          { label: "Status", className: WIDE_ONLY },
          { label: "Last sign-in", className: "hidden lg:table-cell" },
          ACTIONS_HEADER,
        ]}
        data={list.data}
        emptyText={
          search || tenantId
            ? "No users match. Try another search or tenant."
            : "No users yet. Add the first with New user."
        }
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
      >
        {(u) => (
          <TR key={u.id}>
            <TD className="max-w-48">
              <Truncate text={u.username} className="font-medium" />
              {/* On phones the left-out columns are summed up under the username. */}
              <span className={`${PHONE_ONLY} block text-xs text-muted-foreground`}>
                <Truncate text={[fullName(u), u.email].filter(Boolean).join(" · ")} />
                {isPlatform ? `${u.tenant?.name ?? "Platform"} · ` : ""}
                {roleLabel(u)}
                <span className="mt-1 block">
                  <UserStatus user={u} />
                </span>
              </span>
            </TD>
            <TD className={WIDE_ONLY}>
              <Truncate text={fullName(u) || "—"} className="max-w-40" />
            </TD>
            <TD className={WIDE_ONLY}>
              <Truncate text={u.email} className="max-w-56" />
            </TD>
            {isPlatform ? (
              <TD className={WIDE_ONLY}>
                <Truncate text={u.tenant?.name ?? "Platform"} className="max-w-40" />
              </TD>
            ) : null}
            <TD className={WIDE_ONLY}>{roleLabel(u)}</TD>
            <TD className={WIDE_ONLY}>
              <UserStatus user={u} />
            </TD>
            <TD className="hidden whitespace-nowrap lg:table-cell">
              {u.lastLoginAt ? u.lastLoginAt.toLocaleString() : "Never"}
            </TD>
            <TD className="whitespace-nowrap text-right">
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
            </TD>
          </TR>
        )}
      </ListTable>
      <Dialog open={open !== null} onOpenChange={(o) => !o && setOpen(null)}>
        {open?.kind === "new" ? (
          <DialogContent title="New user">
            <UserCreateForm viewer={viewer} tenants={tenants} defaultTenantId={tenantId || undefined} onDone={done} />
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
