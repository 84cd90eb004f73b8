-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "defaultCountry" TEXT NOT NULL DEFAULT 'US';

-- AlterTable
ALTER TABLE "FaxJob" ADD COLUMN     "callState" TEXT,
ADD COLUMN     "cancelRequestedAt" TIMESTAMP(3),
ADD COLUMN     "currentPage" INTEGER,
ADD COLUMN     "faxTiffKey" TEXT,
ADD COLUMN     "gatewaySealedKey" BYTEA,
ADD COLUMN     "resentFromId" UUID,
ADD COLUMN     "retryIntervalSeconds" INTEGER NOT NULL DEFAULT 300;

-- AlterTable
ALTER TABLE "FaxAttempt" ADD COLUMN     "callerId" TEXT,
ADD COLUMN     "dialedAt" TIMESTAMP(3),
ADD COLUMN     "failureReason" TEXT,
ADD COLUMN     "hangupCause" TEXT,
ADD COLUMN     "remoteStationId" TEXT,
ADD COLUMN     "toNumber" TEXT,
ADD COLUMN     "totalPages" INTEGER;
