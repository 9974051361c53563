// Inside the database too, a module uses another only as that module allows: a foreign key to its
// tables, and calls to the SQL functions its index.ts declares; and the check fails when broken.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { declaredFunctions, readModules, sqlDependencyViolations, sqlObjects } from './sql-dependencies.ts'

const root = join(import.meta.dirname, '..', '..')

const migrations = (modules: Record<string, Record<string, string>>) =>
  new Map(Object.entries(modules).map(([m, files]) => [m, new Map(Object.entries(files))]))
const A_TABLES = {
  '20261201-0100-a-create.sql': `create table a_thing (id bigint primary key);
    -- a_thing's count, for other modules
    create function a_count() returns bigint language sql as $$ select count(*) from a_thing $$;
    create function a_internal() returns void language sql as $$ select 1 $$;`,
}

describe('SQL dependencies between modules', () => {
  it("hold across every module's migrations: no other module's table used, only declared functions called", () => {
    const { migrations: all, declared } = readModules(root)
    expect(sqlDependencyViolations(all, declared).map((v) => `${v.file}: ${v.name}: ${v.why}`)).toEqual([])
  })

  it('learns the owner of each object from the migration that creates it, and of a table handed over', () => {
    const { migrations: all } = readModules(root)
    const objects = sqlObjects(all)
    expect(objects.get('contributions_search_campaign')).toMatchObject({ module: 'contributions', kind: 'function' })
    expect(objects.get('consultation_member')).toMatchObject({ module: 'consultation', kind: 'table' })
    // processes made them; bodies took them under its own name (20261207-0230)
    expect(objects.get('bodies_member')).toMatchObject({ module: 'bodies', kind: 'table' })
    // negotiation made them; proposals took them, with their indexes, under its name (20261214-0310)
    expect(objects.get('proposals_cosponsorship')).toMatchObject({ module: 'proposals', kind: 'table' })
    expect(objects.get('proposals_proposal_process')).toMatchObject({ module: 'proposals', kind: 'index' })
  })

  it('catches a call to a function its owner does not declare, and accepts it once declared', () => {
    const sources = migrations({
      a: A_TABLES,
      b: {
        '20261202-0100-b-use.sql': 'create function b_total() returns bigint language sql as $$ select a_count() $$;',
      },
    })
    expect(sqlDependencyViolations(sources, new Map()).map((v) => [v.module, v.name])).toEqual([['b', 'a_count']])
    expect(sqlDependencyViolations(sources, new Map([['a', ['a_count']]]))).toEqual([])
  })

  it("catches another module's table read, written or altered, even beside a foreign key to it", () => {
    const sources = migrations({
      a: A_TABLES,
      b: {
        '20261202-0100-b-create.sql': `create table b_note (thing_id bigint references a_thing (id));
          create view b_things as select id from a_thing;
          create function b_touch() returns void language sql as $$ update a_thing set id = id $$;`,
        '20261202-0200-b-index.sql': 'alter table a_thing add column b_flag boolean;',
      },
    })
    expect(
      sqlDependencyViolations(sources, new Map([['a', ['a_count']]])).map((v) => [v.file, v.name, v.why.slice(0, 18)]),
    ).toEqual([
      ['20261202-0100-b-create.sql', 'a_thing', 'uses a table of a:'],
      ['20261202-0200-b-index.sql', 'a_thing', 'uses a table of a:'],
    ])
  })

  it("catches an object made under another module's prefix, and a declaration of no such function", () => {
    const sources = migrations({
      a: A_TABLES,
      b: {
        '20261202-0100-b-create.sql':
          'create or replace function a_helper() returns int language sql as $$ select 1 $$;',
      },
    })
    expect(
      sqlDependencyViolations(sources, new Map([['a', ['a_count', 'a_thing', 'a_gone']]])).map((v) => v.name),
    ).toEqual(['a_helper', 'a_thing', 'a_gone'])
  })

  it("reads comments as prose, and a table handed over by rename, with its index, as the new owner's", () => {
    const sources = migrations({
      a: { ...A_TABLES, '20261201-0200-a-index.sql': 'create index a_thing_id on a_thing (id);' },
      b: {
        '20261202-0100-b-take.sql': `-- select a_internal() was once called here
          alter table a_thing rename to b_thing;
          alter index a_thing_id rename to b_thing_id;
          alter sequence a_thing_id_seq rename to b_thing_id_seq;`,
      },
    })
    expect(sqlDependencyViolations(sources, new Map())).toEqual([])
    expect(sqlObjects(sources).get('b_thing')?.module).toBe('b')
    expect(sqlObjects(sources).get('b_thing_id')).toMatchObject({ module: 'b', kind: 'index' })
  })

  it('reads the declared functions from an index.ts', () => {
    const source =
      "export { x } from './x.ts'\n/** why */\nexport const SQL_FUNCTIONS = [\n  'a_count', // c\n  'a_sum',\n] as const\n"
    expect(declaredFunctions(source)).toEqual(['a_count', 'a_sum'])
  })
})
