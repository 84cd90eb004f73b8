-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "coverPageNotice" TEXT;

-- AlterTable
ALTER TABLE "FaxJob" ADD COLUMN     "coverCipher" BYTEA;
