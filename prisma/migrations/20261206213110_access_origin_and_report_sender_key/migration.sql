-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "firstAdminId" UUID;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "accessPendingById" UUID,
ADD COLUMN     "accessPendingReason" TEXT,
ADD COLUMN     "createdById" UUID,
ADD COLUMN     "createdByName" TEXT,
ADD COLUMN     "createdByRole" "Role";

-- AlterTable
ALTER TABLE "FaxJob" ADD COLUMN     "senderPublicKey" TEXT;

-- Existing organisations: the oldest organisation admin is the one who sets up the key.
UPDATE "Tenant" t SET "firstAdminId" = (
  SELECT u.id FROM "User" u WHERE u."tenantId" = t.id AND u.role = 'TENANT_ADMIN' ORDER BY u."createdAt", u.id LIMIT 1
);

-- Existing faxes: their reports were sealed to the sender's key of the time, which is the current one
-- unless they were reset since (those copies stay closed until a Grant, as before).
UPDATE "FaxJob" j SET "senderPublicKey" = u."publicKey" FROM "User" u WHERE u.id = j."userId";
