-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "allowCostlyNumbers" BOOLEAN NOT NULL DEFAULT false;
