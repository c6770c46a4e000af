-- Usernames and e-mail addresses become one namespace. An existing clash (one account's e-mail address is
-- another account's username) would make sign-in ambiguous; it is reported and the migration refuses to
-- run until an administrator has changed one of the two.
DO $$
DECLARE
  clashes TEXT;
BEGIN
  SELECT string_agg(format('%s (e-mail of %s, username of %s)', a.email, a.id, b.id), '; ')
    INTO clashes
    FROM "User" a JOIN "User" b ON a.email = b.username AND a.id <> b.id;
  IF clashes IS NOT NULL THEN
    RAISE EXCEPTION 'Kundnav: usernames and e-mail addresses must not clash. Change one of each pair first: %', clashes;
  END IF;
END $$;

-- Keeps the namespace whole for every later write. The advisory lock serialises the check, so two
-- transactions can't each take the other's name; a clash is reported as a unique violation (P2002).
CREATE FUNCTION "user_account_namespace"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('kundnav:account-namespace'));
  IF EXISTS (
    SELECT 1 FROM "User"
     WHERE id <> NEW.id AND (username = NEW.email OR email = NEW.username)
  ) THEN
    RAISE EXCEPTION 'username or e-mail address already names another account'
      USING ERRCODE = 'unique_violation', CONSTRAINT = 'User_account_namespace';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "User_account_namespace"
BEFORE INSERT OR UPDATE OF username, email ON "User"
FOR EACH ROW EXECUTE FUNCTION "user_account_namespace"();

-- CreateEnum
CREATE TYPE "Language" AS ENUM ('sv', 'en');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "language" "Language" NOT NULL DEFAULT 'sv';

-- CreateTable
CREATE TABLE "MembershipRoleEnd" (
    "membershipId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MembershipRoleEnd_pkey" PRIMARY KEY ("membershipId","role")
);

-- AddForeignKey
ALTER TABLE "MembershipRoleEnd" ADD CONSTRAINT "MembershipRoleEnd_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A membership's end date applied to all its roles; it now belongs to each role on its own.
INSERT INTO "MembershipRoleEnd" ("membershipId", "role", "endsAt")
SELECT m.id, r.role, m."endsAt"
  FROM "Membership" m CROSS JOIN LATERAL unnest(m.roles) AS r(role)
 WHERE m."endsAt" IS NOT NULL;

-- AlterTable
ALTER TABLE "Membership" DROP COLUMN "endsAt",
ADD COLUMN     "acceptedAt" TIMESTAMPTZ(3) DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "invitationExpiresAt" TIMESTAMPTZ(3),
ADD COLUMN     "invitedByUserId" UUID,
ADD COLUMN     "invitedName" TEXT,
ADD COLUMN     "invitedUsername" TEXT,
ADD COLUMN     "lastSignedInAt" TIMESTAMPTZ(3);

ALTER TABLE "Membership" ADD COLUMN     "listName" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "Membership_organizationId_listName_id_idx" ON "Membership"("organizationId", "listName", "id");

-- The name an organisation's member lists sort by: what the adder typed while an invitation is open (the
-- account's own name must not show, not even through the order), the person's own name once accepted.
CREATE FUNCTION "membership_list_name"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."acceptedAt" IS NOT NULL THEN
    NEW."listName" := (SELECT name FROM "User" WHERE id = NEW."userId");
  ELSE
    NEW."listName" := COALESCE(NEW."invitedName", NEW."listName");
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "Membership_list_name"
BEFORE INSERT OR UPDATE ON "Membership"
FOR EACH ROW EXECUTE FUNCTION "membership_list_name"();

CREATE FUNCTION "user_name_to_memberships"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Membership" SET "listName" = NEW.name WHERE "userId" = NEW.id AND "acceptedAt" IS NOT NULL;
  RETURN NULL;
END $$;

CREATE TRIGGER "User_name_to_memberships"
AFTER UPDATE OF name ON "User"
FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
EXECUTE FUNCTION "user_name_to_memberships"();

-- Every membership made so far was made without asking; it stays in force (and gets its list name).
UPDATE "Membership" SET "acceptedAt" = "createdAt";
