-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "endsAt" TIMESTAMPTZ(3),
ADD COLUMN     "externalOrganizationName" TEXT;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "activeOrganizationId" UUID,
ADD COLUMN     "activeRole" "Role",
ADD COLUMN     "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "ipAddress" TEXT,
ADD COLUMN     "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "userAgent" TEXT;

-- CreateTable
CREATE TABLE "ThrottleEvent" (
    "id" UUID NOT NULL,
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ThrottleEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ThrottleEvent_scope_key_createdAt_idx" ON "ThrottleEvent"("scope", "key", "createdAt");
