-- AlterTable
ALTER TABLE "TenantDomain" ADD COLUMN     "retiring" BOOLEAN NOT NULL DEFAULT false;
