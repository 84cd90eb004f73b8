-- AlterTable
ALTER TABLE "FaxJob" ADD COLUMN     "resultMailId" UUID;
