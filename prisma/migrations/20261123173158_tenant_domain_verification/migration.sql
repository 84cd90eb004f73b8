-- CreateEnum
CREATE TYPE "DomainVerification" AS ENUM ('PLATFORM', 'HTTP', 'DNS');

-- AlterTable
ALTER TABLE "TenantDomain" ADD COLUMN     "verificationToken" UUID NOT NULL DEFAULT gen_random_uuid(),
ADD COLUMN     "verifiedAt" TIMESTAMP(3),
ADD COLUMN     "verifiedBy" "DomainVerification";

-- Domains that existed before verification were all set by a platform admin or a tenant admin
-- under the old rules; keep them serving (no tenant is locked out by the upgrade).
UPDATE "TenantDomain" SET "verifiedAt" = "createdAt", "verifiedBy" = 'PLATFORM';
