-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "actorRole" "Role";

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';
