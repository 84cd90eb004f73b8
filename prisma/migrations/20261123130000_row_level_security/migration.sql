-- Tenant isolation below the application: every query made for a signed-in person runs in a
-- transaction that switches to the `faxport_scoped` role and sets `app.tenant_id` (or
-- `app.platform` = 'on' for platform administrators). Policies below let that role see and
-- change only its tenant's rows. System work (sign-in lookup, jobs, seeding) uses the owner.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'faxport_scoped') THEN
    CREATE ROLE faxport_scoped NOLOGIN;
  END IF;
END
$$;

-- The connecting (owner) role must be allowed to SET ROLE to it.
DO $$
BEGIN
  EXECUTE format('GRANT faxport_scoped TO %I', current_user);
EXCEPTION WHEN duplicate_object OR invalid_grant_operation THEN NULL;
END
$$;

GRANT USAGE ON SCHEMA public TO faxport_scoped;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO faxport_scoped;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO faxport_scoped;
-- Tables added by later migrations are granted too; their policies are checked by tests.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO faxport_scoped;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO faxport_scoped;
DO $$
BEGIN
  IF to_regclass('"_prisma_migrations"') IS NOT NULL THEN
    REVOKE ALL ON TABLE "_prisma_migrations" FROM faxport_scoped;
  END IF;
END
$$;

CREATE OR REPLACE FUNCTION app_tenant_id() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

CREATE OR REPLACE FUNCTION app_is_platform() RETURNS boolean
  LANGUAGE sql STABLE
  AS $$ SELECT coalesce(current_setting('app.platform', true), '') = 'on' $$;

-- Tenant-owned tables: rows of the current tenant only.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'TenantDomain', 'Department', 'User', 'SecurityPolicy', 'PasswordHistory', 'Session',
    'PasswordResetToken', 'Did', 'BlockedNumber', 'ContactGroup', 'Contact', 'ContactGroupMember',
    'Document', 'FaxJob', 'FaxAttempt', 'InboundFax', 'Campaign', 'CampaignRecipient',
    'AuditLog', 'MailMessage'
  ] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I TO faxport_scoped '
      'USING (app_is_platform() OR "tenantId" = app_tenant_id()) '
      'WITH CHECK (app_is_platform() OR "tenantId" = app_tenant_id())', t);
  END LOOP;
END
$$;

-- The tenant row itself.
ALTER TABLE "Tenant" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Tenant" TO faxport_scoped
  USING (app_is_platform() OR "id" = app_tenant_id())
  WITH CHECK (app_is_platform() OR "id" = app_tenant_id());

-- Platform-only tables.
ALTER TABLE "Trunk" ENABLE ROW LEVEL SECURITY;
CREATE POLICY platform_only ON "Trunk" TO faxport_scoped
  USING (app_is_platform()) WITH CHECK (app_is_platform());
ALTER TABLE "LoginAttempt" ENABLE ROW LEVEL SECURITY;
CREATE POLICY platform_only ON "LoginAttempt" TO faxport_scoped
  USING (app_is_platform()) WITH CHECK (app_is_platform());
