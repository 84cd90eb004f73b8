-- Usernames and emails are unique per tenant, not across the installation: one tenant's names
-- can neither collide with nor reveal another's. NULLS NOT DISTINCT makes platform admins
-- (tenantId NULL) unique among themselves too; Prisma's schema cannot say that, so
-- tests/integration/migrations.test.ts allows exactly these two index definitions.
DROP INDEX "User_username_key";
DROP INDEX "User_tenantId_idx";
CREATE UNIQUE INDEX "User_tenantId_username_key" ON "User"("tenantId", "username") NULLS NOT DISTINCT;
CREATE UNIQUE INDEX "User_tenantId_email_key" ON "User"("tenantId", "email") NULLS NOT DISTINCT;

-- Sign-in and reset counters (server/auth/throttle.ts): system data, never a tenant's.
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);
CREATE INDEX "SignInThrottle_windowStart_idx" ON "SignInThrottle"("windowStart");

ALTER TABLE "SignInThrottle" ENABLE ROW LEVEL SECURITY;
CREATE POLICY platform_only ON "SignInThrottle" TO faxport_scoped
  USING (app_is_platform()) WITH CHECK (app_is_platform());
