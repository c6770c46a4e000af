/** One connection, for work that must stay on it (session-level locks, multi-statement scripts). */
export interface SqlConnection {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>
  /** Runs a script of several statements, without parameters. */
  exec(text: string): Promise<void>
}

export interface SqlRunner {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>
  withConnection<R>(work: (connection: SqlConnection) => Promise<R>): Promise<R>
  /** Called after migrations changed the schema: lets a driver reload what it cached (PGlite's array types). */
  afterSchemaChange?(): Promise<void>
}
