// What the global setup hands to each test file.
declare module 'vitest' {
  export interface ProvidedContext {
    /** Name of the migrated PostgreSQL template database, when DATABASE_URL is set. */
    postgresTemplate: string | null
    /** File holding a migrated PGlite data directory, otherwise. */
    pgliteTemplateFile: string | null
  }
}

export {}
