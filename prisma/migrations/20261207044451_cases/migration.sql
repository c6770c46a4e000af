-- CreateEnum
CREATE TYPE "CaseVisibility" AS ENUM ('REPORTER_ONLY', 'ADMINS', 'MEMBERS');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('RECEIVED', 'IN_PROGRESS', 'CLOSED');

-- CreateEnum
CREATE TYPE "CaseChannel" AS ENUM ('PORTAL', 'PHONE');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "caseVisibility" "CaseVisibility" NOT NULL DEFAULT 'REPORTER_ONLY';

-- CreateTable
CREATE TABLE "Case" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "organizationId" UUID NOT NULL,
    "reporterUserId" UUID NOT NULL,
    "createdByUserId" UUID NOT NULL,
    "channel" "CaseChannel" NOT NULL DEFAULT 'PORTAL',
    "area" TEXT NOT NULL,
    "subArea" TEXT,
    "subject" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "status" "CaseStatus" NOT NULL DEFAULT 'RECEIVED',
    "assigneeUserId" UUID,
    "answer" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "statusSince" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "providerActivityAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "idempotencyKey" TEXT NOT NULL,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseMessage" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "authorUserId" UUID NOT NULL,
    "fromProvider" BOOLEAN NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseFile" (
    "id" UUID NOT NULL,
    "organizationId" UUID,
    "uploadedByUserId" UUID NOT NULL,
    "caseId" UUID,
    "messageId" UUID,
    "name" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "storageKey" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attachedAt" TIMESTAMPTZ(3),

    CONSTRAINT "CaseFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseReadMark" (
    "caseId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "seenAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CaseReadMark_pkey" PRIMARY KEY ("caseId","userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Case_number_key" ON "Case"("number");

-- CreateIndex
CREATE INDEX "Case_organizationId_reporterUserId_createdAt_id_idx" ON "Case"("organizationId", "reporterUserId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Case_organizationId_reporterUserId_status_createdAt_id_idx" ON "Case"("organizationId", "reporterUserId", "status", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Case_organizationId_createdAt_id_idx" ON "Case"("organizationId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Case_status_statusSince_id_idx" ON "Case"("status", "statusSince", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Case_createdByUserId_idempotencyKey_key" ON "Case"("createdByUserId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "CaseMessage_caseId_createdAt_id_idx" ON "CaseMessage"("caseId", "createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "CaseFile_storageKey_key" ON "CaseFile"("storageKey");

-- CreateIndex
CREATE INDEX "CaseFile_caseId_createdAt_idx" ON "CaseFile"("caseId", "createdAt");

-- CreateIndex
CREATE INDEX "CaseFile_uploadedByUserId_attachedAt_idx" ON "CaseFile"("uploadedByUserId", "attachedAt");

-- CreateIndex
CREATE INDEX "CaseFile_attachedAt_createdAt_idx" ON "CaseFile"("attachedAt", "createdAt");

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_reporterUserId_fkey" FOREIGN KEY ("reporterUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_assigneeUserId_fkey" FOREIGN KEY ("assigneeUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseMessage" ADD CONSTRAINT "CaseMessage_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseFile" ADD CONSTRAINT "CaseFile_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseFile" ADD CONSTRAINT "CaseFile_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "CaseMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseReadMark" ADD CONSTRAINT "CaseReadMark_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
