-- Fax titles were stored in plain text; from now on only the browser-encrypted title is kept.
-- Pre-release: the plain titles of existing faxes are dropped, not migrated (they show as "Untitled").
-- AlterTable
ALTER TABLE "FaxJob" DROP COLUMN "title",
ADD COLUMN     "titleCipher" BYTEA;
