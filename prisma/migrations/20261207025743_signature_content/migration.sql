-- AlterTable
ALTER TABLE "Signature" ADD COLUMN     "content" JSONB;
