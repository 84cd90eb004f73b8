-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "publicKey" TEXT,
ADD COLUMN     "recoverySealedKey" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "accessPendingSince" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "TenantKeyGrant" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "forPublicKey" TEXT NOT NULL,
    "sealedKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TenantKeyGrant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TenantKeyGrant_tenantId_userId_key" ON "TenantKeyGrant"("tenantId", "userId");

-- AddForeignKey
ALTER TABLE "TenantKeyGrant" ADD CONSTRAINT "TenantKeyGrant_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenantKeyGrant" ADD CONSTRAINT "TenantKeyGrant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security: an admin's sealed copy of the tenant key belongs to its tenant.
ALTER TABLE "TenantKeyGrant" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "TenantKeyGrant" TO faxport_scoped
  USING (app_is_platform() OR "tenantId" = app_tenant_id())
  WITH CHECK (app_is_platform() OR "tenantId" = app_tenant_id());
