-- AlterTable
ALTER TABLE "User" ADD COLUMN     "faxResultEmail" TEXT NOT NULL DEFAULT 'NEVER';

-- AlterTable
ALTER TABLE "FaxJob" ADD COLUMN     "resultMailedAt" TIMESTAMP(3);
