-- Audit events become append-only hash chains: one per organisation, one for events of no organisation.
-- See docs/decisions/0008-audit-chain.md.

-- DropForeignKey
ALTER TABLE "AuditEvent" DROP CONSTRAINT "AuditEvent_organizationId_fkey";

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "chainSeq" BIGINT,
ADD COLUMN     "hash" CHAR(64),
ADD COLUMN     "prevHash" CHAR(64);

-- Events written before this migration: number them in each chain in the order they were written. Their
-- hash and prevHash stay NULL (SQL cannot write RFC 8785 JSON); the first event appended to a chain after
-- this migration links to the hashes the application computes over them, which seals them from then on.
UPDATE "AuditEvent" AS e
SET "chainSeq" = numbered.seq
FROM (
  SELECT "id", row_number() OVER (PARTITION BY "organizationId" ORDER BY "createdAt", "id") AS seq
  FROM "AuditEvent"
) AS numbered
WHERE e."id" = numbered."id";

ALTER TABLE "AuditEvent" ALTER COLUMN "chainSeq" SET NOT NULL;

-- CreateIndex (NULLS NOT DISTINCT by hand: the events of no organisation form one chain too)
CREATE UNIQUE INDEX "AuditEvent_organizationId_chainSeq_key" ON "AuditEvent"("organizationId", "chainSeq") NULLS NOT DISTINCT;

-- AddForeignKey (RESTRICT: organisations are never hard-deleted, and no foreign-key action may rewrite an audit row)
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- Every event written from now on carries its hash, and a prevHash exactly when it is not first in its
-- chain. NOT VALID: the check applies to new rows only, so the events above keep their NULLs (never
-- VALIDATE it).
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_chained"
  CHECK ("hash" IS NOT NULL AND ("chainSeq" = 1) = ("prevHash" IS NULL)) NOT VALID;

-- Append-only, enforced by the database: UPDATE, DELETE and TRUNCATE of audit events fail.
CREATE FUNCTION "audit_event_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % is refused', TG_OP
    USING ERRCODE = 'restrict_violation',
          HINT = 'Audit events are never changed or deleted. See docs/decisions/0008-audit-chain.md.';
END
$$;

CREATE TRIGGER "AuditEvent_append_only"
BEFORE UPDATE OR DELETE ON "AuditEvent"
FOR EACH ROW EXECUTE FUNCTION "audit_event_refuse_change"();

CREATE TRIGGER "AuditEvent_no_truncate"
BEFORE TRUNCATE ON "AuditEvent"
FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_refuse_change"();
