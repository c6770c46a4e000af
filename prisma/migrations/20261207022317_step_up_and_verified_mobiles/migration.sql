-- CreateEnum
CREATE TYPE "StepUpMethod" AS ENUM ('SMS');

-- CreateEnum
CREATE TYPE "StepUpStatus" AS ENUM ('PENDING', 'COMPLETED', 'DEAD');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "mobileVerifiedAt" TIMESTAMPTZ(3);

-- Numbers were typed by administrators and never verified; from now on "mobile" holds only a number its
-- owner verified with a code, so the unverified ones go.
UPDATE "User" SET "mobile" = NULL;

-- CreateTable
CREATE TABLE "StepUpChallenge" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "method" "StepUpMethod" NOT NULL,
    "recipient" TEXT NOT NULL,
    "description" JSONB NOT NULL,
    "secretHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "sendCount" INTEGER NOT NULL DEFAULT 1,
    "lastSentAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "StepUpStatus" NOT NULL DEFAULT 'PENDING',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMPTZ(3),

    CONSTRAINT "StepUpChallenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Signature" (
    "id" UUID NOT NULL,
    "challengeId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "method" "StepUpMethod" NOT NULL,
    "contentHash" TEXT NOT NULL,
    "methodReference" TEXT NOT NULL,
    "signedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Signature_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StepUpChallenge_userId_purpose_subjectId_status_idx" ON "StepUpChallenge"("userId", "purpose", "subjectId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Signature_challengeId_key" ON "Signature"("challengeId");

-- CreateIndex
CREATE INDEX "Signature_purpose_subjectId_idx" ON "Signature"("purpose", "subjectId");

-- AddForeignKey
ALTER TABLE "StepUpChallenge" ADD CONSTRAINT "StepUpChallenge_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signature" ADD CONSTRAINT "Signature_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "StepUpChallenge"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
