-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "recoveryCodeMadeAt" TIMESTAMP(3),
ADD COLUMN     "recoveryCodePendingById" UUID;

-- Organisations whose key already exists made their code when the key was made (the closest known time).
UPDATE "Tenant" SET "recoveryCodeMadeAt" = "updatedAt" WHERE "publicKey" IS NOT NULL;
