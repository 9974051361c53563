// The issue map and the library at production-like sizes: the gap and overlap analyses over 100
// issues x 1,000 mechanisms, and library search over 100,000 documents in the six languages.
// Rows go in through SQL in bulk; the scenario measures reading.
import { sql } from 'kysely'
import { fmt } from '../measure.ts'
import type { Scenario } from '../scenario.ts'

const SENTENCES: Record<string, string[]> = {
  en: [
    'Enhanced cooperation between governments on international Internet public policy',
    'Capacity building for cybersecurity in developing countries',
    'Data governance and cross-border data flows',
    'Spam and the economics of unsolicited messages',
  ],
  fr: [
    'La coopération renforcée entre les gouvernements sur les politiques publiques de l’Internet',
    'Le renforcement des capacités en cybersécurité',
    'La gouvernance des données et les flux transfrontières',
  ],
  es: [
    'La cooperación mejorada entre los gobiernos sobre políticas públicas de Internet',
    'La creación de capacidad en ciberseguridad',
    'La gobernanza de datos y los flujos transfronterizos',
  ],
  ru: [
    'Расширенное сотрудничество правительств по вопросам политики в области Интернета',
    'Укрепление потенциала в области кибербезопасности',
    'Управление данными и трансграничные потоки данных',
  ],
  // Chinese is stored spaced by character, as the module prepares it
  zh: [
    '各 国 政 府 之 间 的 加 强 合 作',
    '发 展 中 国 家 的 网 络 安 全 能 力 建 设',
    '数 据 治 理 与 跨 境 数 据 流 动',
  ],
  ar: [
    'التعاون المعزز بين الحكومات في السياسة العامة للإنترنت',
    'بناء القدرات في مجال الأمن السيبراني',
    'حوكمة البيانات وتدفقها عبر الحدود',
  ],
}

const QUERIES = [
  'cooperation',
  'cooperation governments',
  'coopération',
  'cooperación',
  'сотрудничество',
  '合作',
  'التعاون',
  'spam',
  '"data governance"',
  'nothingmatchesthis',
]

export const coordination: Scenario = {
  name: 'coordination',
  async run(ctx) {
    const db = ctx.runtime.deps.db
    const started = performance.now()
    // 100 issues: the taxonomy's 54 and 46 more
    await sql`insert into coordination_issue (slug, basket, name, description, scope)
      select 'bench-issue-' || g, (array['security','economic','development','infrastructure'])[1 + g % 4],
        jsonb_build_object('en', 'Bench issue ' || g), '{}'::jsonb,
        (array['public_policy','mixed','technical_operational'])[1 + g % 3]
      from generate_series(1, 46) g`.execute(db)
    // 1,000 mechanisms, each on five issues
    await sql`insert into coordination_mechanism (organization_id, name, type, governments, stakeholders, support)
      select (select id from actors_organization order by id limit 1 offset (g % (select count(*) from actors_organization))),
        'Bench mechanism ' || g,
        (array['treaty_body','standards_body','forum','capacity_building','research','coordination_body'])[1 + g % 6],
        (array['equal_footing','weighted','observer','none'])[1 + g % 4],
        (array['full_member','consultative','observer','none'])[1 + g % 4],
        case when g % 3 = 0 then array['fellowships'] else '{}'::text[] end
      from generate_series(1, 1000) g`.execute(db)
    await sql`insert into coordination_mechanism_issue (mechanism_id, issue_id)
      select distinct m.id, i.id from coordination_mechanism m
      cross join generate_series(0, 4) k
      join lateral (select id from coordination_issue where status = 'active' order by id offset ((m.id * 7 + k * 13) % 100) limit 1) i on true
      where m.name like 'Bench mechanism %'
      on conflict do nothing`.execute(db)
    // 100,000 library items in the six languages
    const languages = Object.keys(SENTENCES)
    for (const [li, language] of languages.entries()) {
      const sentences = SENTENCES[language] as string[]
      await sql`insert into knowledge_item (type, title, abstract, language, issue_slugs, published_on, status, search_text)
        select (array['paper','report','brief','dataset'])[1 + g % 4],
          (${sql.val(sentences)}::text[])[1 + g % ${sql.lit(sentences.length)}] || ' ' || g,
          (${sql.val(sentences)}::text[])[1 + (g + 1) % ${sql.lit(sentences.length)}],
          ${language}, array[(array['cybersecurity','cybercrime','data-governance','spam'])[1 + g % 4]],
          date '2015-01-01' + (g % 3650),
          'published',
          (${sql.val(sentences)}::text[])[1 + g % ${sql.lit(sentences.length)}] || ' ' || g || ' ' || (${sql.val(sentences)}::text[])[1 + (g + 1) % ${sql.lit(sentences.length)}]
        from generate_series(${sql.lit(li * 20_000 + 1)}, ${sql.lit(li * 20_000 + (language === 'en' ? 20_000 : 16_000))}) g`.execute(
        db,
      )
    }
    await sql`analyze`.execute(db)
    const items = await sql<{ n: number }>`select count(*)::int as n from knowledge_item`.execute(db)
    ctx.print(
      `\nCoordination: 100 issues x 1,000 mechanisms and ${items.rows[0]?.n} library items added in ${fmt((performance.now() - started) / 1000, 1)} s`,
    )

    ctx.print('\nGap and overlap analyses, 100 issues x 1,000 mechanisms, in-process (ms):\n')
    ctx.print('| path | database | p50 | p99 |')
    ctx.print('|---|---|---|---|')
    for (const path of ['/api/v1/map/gaps', '/api/v1/map/overlaps?n=8', '/map/gaps', '/map/overlaps?n=8']) {
      const t = await ctx.serverTime(path, 20)
      ctx.print(`| ${path} | ${ctx.kind} | ${fmt(t.p50, 1)} | ${fmt(t.p99, 1)} |`)
    }

    ctx.print('\nLibrary search over 100,000 documents in six languages, in-process (ms):\n')
    ctx.print('| query | database | p50 | p99 |')
    ctx.print('|---|---|---|---|')
    for (const q of QUERIES) {
      const t = await ctx.serverTime(`/api/v1/library?q=${encodeURIComponent(q)}`, 20)
      ctx.print(`| ${q} | ${ctx.kind} | ${fmt(t.p50, 1)} | ${fmt(t.p99, 1)} |`)
    }
    const page = await ctx.serverTime(`/library?q=${encodeURIComponent('cooperation')}`, 20)
    ctx.print(`| /library page, "cooperation" | ${ctx.kind} | ${fmt(page.p50, 1)} | ${fmt(page.p99, 1)} |`)
  },
}
