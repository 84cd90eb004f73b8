-- AlterTable
ALTER TABLE "SecurityPolicy" ADD COLUMN     "minAgeDays" INTEGER NOT NULL DEFAULT 0;
