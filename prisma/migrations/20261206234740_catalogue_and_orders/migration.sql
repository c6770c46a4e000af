-- CreateEnum
CREATE TYPE "ApprovalChain" AS ENUM ('VIA_AGENT', 'WITHOUT_AGENT', 'AGENT_ASSIGNMENT');

-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('SUBMITTED');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "isAgent" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Service" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "nameSv" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "descriptionSv" TEXT NOT NULL,
    "descriptionEn" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Offering" (
    "id" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "nameSv" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "descriptionSv" TEXT NOT NULL,
    "descriptionEn" TEXT NOT NULL,
    "viaAgent" BOOLEAN NOT NULL DEFAULT false,
    "agentsOnly" BOOLEAN NOT NULL DEFAULT false,
    "chain" "ApprovalChain" NOT NULL,
    "startupFeeOre" INTEGER NOT NULL,
    "monthlyFeeOre" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Offering_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfferingTerms" (
    "id" UUID NOT NULL,
    "offeringId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "textSv" TEXT NOT NULL,
    "textEn" TEXT NOT NULL,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedByUserId" UUID,

    CONSTRAINT "OfferingTerms_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgentAssignment" (
    "id" UUID NOT NULL,
    "agentOrganizationId" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgentAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoiceAddress" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "addressLine" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "createdByUserId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InvoiceAddress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderDraft" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "createdByUserId" UUID NOT NULL,
    "offeringId" UUID NOT NULL,
    "answers" JSONB NOT NULL,
    "step" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OrderDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Order" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "organizationId" UUID NOT NULL,
    "offeringId" UUID NOT NULL,
    "termsId" UUID NOT NULL,
    "status" "OrderStatus" NOT NULL DEFAULT 'SUBMITTED',
    "submittedByUserId" UUID NOT NULL,
    "attesterUserId" UUID NOT NULL,
    "fields" JSONB NOT NULL,
    "attestations" JSONB NOT NULL,
    "invoiceAddressId" UUID,
    "invoiceAddress" JSONB NOT NULL,
    "quantity" INTEGER NOT NULL,
    "startupFeeOre" INTEGER NOT NULL,
    "monthlyFeeOre" INTEGER NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NumberSequence" (
    "series" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "NumberSequence_pkey" PRIMARY KEY ("series","year")
);

-- CreateIndex
CREATE UNIQUE INDEX "Service_code_key" ON "Service"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Offering_code_key" ON "Offering"("code");

-- CreateIndex
CREATE INDEX "Offering_serviceId_sortOrder_idx" ON "Offering"("serviceId", "sortOrder");

-- CreateIndex
CREATE UNIQUE INDEX "OfferingTerms_offeringId_version_key" ON "OfferingTerms"("offeringId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "AgentAssignment_serviceId_agentOrganizationId_key" ON "AgentAssignment"("serviceId", "agentOrganizationId");

-- CreateIndex
CREATE INDEX "InvoiceAddress_organizationId_createdAt_id_idx" ON "InvoiceAddress"("organizationId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "OrderDraft_organizationId_createdByUserId_updatedAt_id_idx" ON "OrderDraft"("organizationId", "createdByUserId", "updatedAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Order_number_key" ON "Order"("number");

-- CreateIndex
CREATE INDEX "Order_organizationId_submittedAt_id_idx" ON "Order"("organizationId", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "Order_organizationId_status_submittedAt_id_idx" ON "Order"("organizationId", "status", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "Order_organizationId_offeringId_status_idx" ON "Order"("organizationId", "offeringId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Order_organizationId_idempotencyKey_key" ON "Order"("organizationId", "idempotencyKey");

-- AddForeignKey
ALTER TABLE "Offering" ADD CONSTRAINT "Offering_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferingTerms" ADD CONSTRAINT "OfferingTerms_offeringId_fkey" FOREIGN KEY ("offeringId") REFERENCES "Offering"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgentAssignment" ADD CONSTRAINT "AgentAssignment_agentOrganizationId_fkey" FOREIGN KEY ("agentOrganizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgentAssignment" ADD CONSTRAINT "AgentAssignment_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceAddress" ADD CONSTRAINT "InvoiceAddress_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderDraft" ADD CONSTRAINT "OrderDraft_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderDraft" ADD CONSTRAINT "OrderDraft_offeringId_fkey" FOREIGN KEY ("offeringId") REFERENCES "Offering"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_offeringId_fkey" FOREIGN KEY ("offeringId") REFERENCES "Offering"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_termsId_fkey" FOREIGN KEY ("termsId") REFERENCES "OfferingTerms"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_invoiceAddressId_fkey" FOREIGN KEY ("invoiceAddressId") REFERENCES "InvoiceAddress"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Prices, quantities, versions and numbers the application never writes out of range.
ALTER TABLE "Offering" ADD CONSTRAINT "Offering_fees_not_negative" CHECK ("startupFeeOre" >= 0 AND "monthlyFeeOre" >= 0);
ALTER TABLE "OfferingTerms" ADD CONSTRAINT "OfferingTerms_version_positive" CHECK ("version" >= 1);
ALTER TABLE "Order" ADD CONSTRAINT "Order_quantity_positive" CHECK ("quantity" >= 1);
ALTER TABLE "Order" ADD CONSTRAINT "Order_fees_not_negative" CHECK ("startupFeeOre" >= 0 AND "monthlyFeeOre" >= 0);
ALTER TABLE "NumberSequence" ADD CONSTRAINT "NumberSequence_last_positive" CHECK ("last" >= 1 AND "year" BETWEEN 2000 AND 9999);
