-- AlterTable
ALTER TABLE "User" ADD COLUMN     "kdfMemLimit" INTEGER,
ADD COLUMN     "kdfOpsLimit" INTEGER,
ADD COLUMN     "kdfSalt" TEXT,
ADD COLUMN     "publicKey" TEXT,
ADD COLUMN     "sealedPrivateKey" TEXT;
