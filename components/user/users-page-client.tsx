"use client";
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { useTenantOptions } from "@/components/tenant/tenant-options";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { NativeSelect } from "@/components/ui/input";
import { ACTIONS_HEADER, ListTable } from "@/components/ui/list-table";
import { SearchInput } from "@/components/ui/search-input";
import { TD, TR } from "@/components/ui/table";
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
          "Name",
          "Email",
          isPlatform ? "Tenant" : null,
          "Role",
          "Status",
          "Last sign-in",
          ACTIONS_HEADER,
        ]}
        data={list.data}
        emptyText="No users match."
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
      >
        {(u) => (
          <TR key={u.id}>
            <TD className="font-medium">{u.username}</TD>
            <TD>{`${u.firstName} ${u.lastName}`.trim() || "—"}</TD>
            <TD>{u.email}</TD>
            {isPlatform ? <TD>{u.tenant?.name ?? "Platform"}</TD> : null}
            <TD>{roleLabel(u)}</TD>
            <TD>
              <UserStatus user={u} />
            </TD>
            <TD>{u.lastLoginAt ? u.lastLoginAt.toLocaleString() : "Never"}</TD>
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
            description="They will be signed out everywhere and must use the new password."
          >
            <SetPasswordForm user={open.user} viewer={viewer} onDone={done} />
          </DialogContent>
        ) : null}
      </Dialog>
    </>
  );
}

function roleLabel(u: UserRow): string {
  const role = ROLE_LABELS[u.role];
  return u.permissions.length ? `${role} (${u.permissions.join(", ")})` : role;
}
