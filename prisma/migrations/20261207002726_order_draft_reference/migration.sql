-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "draftId" UUID;
