// Read by the Prisma CLI (`prisma generate`). Kept import-free so it loads from the repository root
// without the CLI installed there; migrations are made and applied by packages/db (see docs/decisions).
export default {
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
}
