-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "OrderStatus" ADD VALUE 'COMPLETED';
ALTER TYPE "OrderStatus" ADD VALUE 'REJECTED';
ALTER TYPE "OrderStatus" ADD VALUE 'CANCELLED';
ALTER TYPE "OrderStatus" ADD VALUE 'WITHDRAWN';

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "agentAttestations" JSONB,
ADD COLUMN     "agentAttesterUserId" UUID,
ADD COLUMN     "agentInvoiceAddress" JSONB,
ADD COLUMN     "agentOrganizationId" UUID,
ADD COLUMN     "chain" JSONB,
ADD COLUMN     "endReason" TEXT,
ADD COLUMN     "endedAt" TIMESTAMPTZ(3),
ADD COLUMN     "state" TEXT,
ADD COLUMN     "submittedSessionId" UUID,
ADD COLUMN     "stateSince" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- Orders submitted before the chains existed start on their offering's chain (as CHAINS in
-- packages/api/src/chains/engine.ts had it when this was written), at its first step, naming their agent.
UPDATE "Order" o
   SET "chain" = CASE f."chain"
         WHEN 'VIA_AGENT' THEN '{"steps":[{"state":"AGENT_REVIEW","party":"AGENT","actor":{"roles":["ORDERER","AGENT_OFFICER"]},"actions":["FORWARD","REJECT"]},{"state":"AGENT_ATTESTATION","party":"AGENT","actor":{"chosenAttester":true},"actions":["ATTEST","CANCEL"]},{"state":"CUSTOMER_ATTESTATION","party":"ORDERING","actor":{"chosenAttester":true},"actions":["ATTEST","CANCEL"]},{"state":"PROVIDER_REVIEW","party":"PROVIDER","actor":{"roles":["PROVIDER_REVIEWER"]},"actions":["APPROVE","REJECT"]}]}'::jsonb
         WHEN 'WITHOUT_AGENT' THEN '{"steps":[{"state":"CUSTOMER_ATTESTATION","party":"ORDERING","actor":{"chosenAttester":true},"actions":["ATTEST","CANCEL"]},{"state":"PROVIDER_REVIEW","party":"PROVIDER","actor":{"roles":["PROVIDER_REVIEWER"]},"actions":["APPROVE","REJECT"]}]}'::jsonb
         ELSE '{"steps":[{"state":"PROVIDER_REVIEW","party":"PROVIDER","actor":{"roles":["PROVIDER_REVIEWER"]},"actions":["APPROVE","REJECT"]},{"state":"AGENT_ATTESTATION","party":"ORDERING","actor":{"chosenAttester":true},"actions":["ATTEST","CANCEL"]}]}'::jsonb END,
       "state" = CASE f."chain"
         WHEN 'VIA_AGENT' THEN 'AGENT_REVIEW'
         WHEN 'WITHOUT_AGENT' THEN 'CUSTOMER_ATTESTATION'
         ELSE 'PROVIDER_REVIEW' END,
       "stateSince" = o."submittedAt",
       "agentOrganizationId" = CASE WHEN f."viaAgent" THEN (o."fields"->>'agent')::uuid END
  FROM "Offering" f
 WHERE f."id" = o."offeringId";
ALTER TABLE "Order" ALTER COLUMN "chain" SET NOT NULL, ALTER COLUMN "state" SET NOT NULL;

-- CreateTable
CREATE TABLE "OrderEvent" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" TEXT NOT NULL,
    "fromState" TEXT,
    "toState" TEXT NOT NULL,
    "actorUserId" UUID,
    "actorName" TEXT NOT NULL,
    "actorRole" "Role",
    "actorOrganizationId" UUID,
    "actorOrganizationName" TEXT NOT NULL,
    "reason" TEXT,
    "signatureId" UUID,
    "method" "StepUpMethod",
    "contentHash" TEXT,

    CONSTRAINT "OrderEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderSigningLink" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "orderId" UUID NOT NULL,
    "state" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderSigningLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OrderEvent_orderId_at_id_idx" ON "OrderEvent"("orderId", "at", "id");

-- CreateIndex
CREATE UNIQUE INDEX "OrderSigningLink_tokenHash_key" ON "OrderSigningLink"("tokenHash");

-- CreateIndex
CREATE INDEX "OrderSigningLink_orderId_state_idx" ON "OrderSigningLink"("orderId", "state");

-- CreateIndex
CREATE INDEX "Order_agentOrganizationId_submittedAt_id_idx" ON "Order"("agentOrganizationId", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "Order_state_stateSince_id_idx" ON "Order"("state", "stateSince", "id");

-- AddForeignKey
ALTER TABLE "OrderEvent" ADD CONSTRAINT "OrderEvent_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderSigningLink" ADD CONSTRAINT "OrderSigningLink_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;
