-- CreateEnum
CREATE TYPE "DocumentStatus" AS ENUM ('UPLOADING', 'PROCESSING', 'READY', 'INVALID');

-- Before this release no document could be made with the keys the new columns need (the documents
-- page did not exist; only tests wrote rows), so none is kept. Faxes keep their rows (documentId → null).
DELETE FROM "Document";

-- AlterTable
ALTER TABLE "Document" DROP COLUMN "mimeType",
DROP COLUMN "name",
DROP COLUMN "sealedKey",
ADD COLUMN     "cipherBytes" INTEGER,
ADD COLUMN     "gatewaySealedKey" BYTEA,
ADD COLUMN     "invalidReason" TEXT,
ADD COLUMN     "kind" TEXT NOT NULL,
ADD COLUMN     "nameCipher" BYTEA NOT NULL,
ADD COLUMN     "ownerKeyFor" TEXT NOT NULL,
ADD COLUMN     "ownerSealedKey" BYTEA NOT NULL,
ADD COLUMN     "status" "DocumentStatus" NOT NULL DEFAULT 'UPLOADING',
ADD COLUMN     "tenantSealedKey" BYTEA NOT NULL;

-- CreateIndex
CREATE INDEX "Document_tenantId_createdAt_idx" ON "Document"("tenantId", "createdAt");
