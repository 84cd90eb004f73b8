-- AlterTable
ALTER TABLE "JobRun" ADD COLUMN     "cancelRequestedAt" TIMESTAMP(3),
ADD COLUMN     "errorStep" TEXT;

-- AlterTable
ALTER TABLE "JobStep" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "startedAt" TIMESTAMP(3);
