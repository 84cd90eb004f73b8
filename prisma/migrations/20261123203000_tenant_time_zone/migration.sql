-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';
