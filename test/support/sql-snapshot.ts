// The SQL a query function sends, captured without a database, for committed snapshots: a change
// to a key query shows in review as a diff of its SQL (the way Immich keeps its queries).
import {
  CamelCasePlugin,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from 'kysely'
import type { Db } from '../../src/core/db/database.ts'

/** Rows to answer a statement with, where the function's next statement depends on them. */
export type Answer = (sql: string) => Record<string, unknown>[] | undefined

/** A driver that answers with `answer`'s rows, else none, or one row of zeros for a count or a sum. */
class CapturingDriver implements Driver {
  constructor(
    private readonly sent: string[],
    private readonly answer: Answer,
  ) {}
  async init() {}
  async acquireConnection(): Promise<DatabaseConnection> {
    const { sent, answer } = this
    return {
      async executeQuery(query) {
        sent.push(query.sql)
        const aggregate = /^select (count\(|coalesce\(sum\()/i.test(query.sql)
        return { rows: (answer(query.sql) ?? (aggregate ? [{ n: 0 }] : [])) as never[] }
      },
      async *streamQuery() {},
    }
  }
  async beginTransaction() {}
  async commitTransaction() {}
  async rollbackTransaction() {}
  async releaseConnection() {}
  async destroy() {}
}

const CLAUSES = /\s+(from|inner join|left join|where|group by|order by|limit|offset|union all|with)\s+/g

/** Each statement the function sent, one clause per line, separated by blank lines. */
export async function sqlOf(run: (db: Db) => Promise<unknown>, answer: Answer = () => undefined): Promise<string> {
  const sent: string[] = []
  const db = new Kysely<never>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new CapturingDriver(sent, answer),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    plugins: [new CamelCasePlugin()],
  }) as unknown as Db
  await run(db)
  return `${sent.map((s) => `${s.replace(/\s+/g, ' ').replace(CLAUSES, '\n$1 ').trim()};`).join('\n\n')}\n`
}
