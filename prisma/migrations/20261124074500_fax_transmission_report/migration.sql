-- AlterTable
ALTER TABLE "FaxJob" ADD COLUMN     "reportKey" TEXT,
ADD COLUMN     "reportMadeAt" TIMESTAMP(3),
ADD COLUMN     "reportSealedForTenant" BYTEA,
ADD COLUMN     "reportSealedForUser" BYTEA;
