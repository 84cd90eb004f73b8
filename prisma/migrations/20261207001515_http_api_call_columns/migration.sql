-- AlterTable
ALTER TABLE "FaxAttempt" ADD COLUMN     "mediaTokenHash" TEXT,
ADD COLUMN     "mediaUrlExpiresAt" TIMESTAMP(3),
ADD COLUMN     "providerCallId" TEXT,
ADD COLUMN     "providerEvent" JSONB,
ADD COLUMN     "providerEventRank" INTEGER NOT NULL DEFAULT -1;

-- CreateIndex
CREATE UNIQUE INDEX "FaxAttempt_providerCallId_key" ON "FaxAttempt"("providerCallId");

-- CreateIndex
CREATE UNIQUE INDEX "FaxAttempt_mediaTokenHash_key" ON "FaxAttempt"("mediaTokenHash");
