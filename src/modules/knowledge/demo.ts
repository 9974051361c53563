// The demo's library: real publications on enhanced cooperation and Internet governance, from
// public knowledge (titles, publishers, dates, addresses), with short descriptions written for the
// demo; the Tunis Agenda in its six language versions.
import { SYSTEM } from '../../core/auth/actor.ts'
import type { DemoContext } from '../../core/module.ts'
import { listOrganizations } from '../actors/index.ts'
import type { ItemInput } from './commands.ts'
import { publishItem } from './commands.ts'

type DemoItem = Omit<ItemInput, 'organizationIds' | 'versionOf'> & { organizations?: string[] }

const TUNIS: DemoItem[] = [
  {
    language: 'en',
    title: 'Tunis Agenda for the Information Society',
    abstract:
      'Outcome of the second phase of the World Summit on the Information Society: financing mechanisms, Internet governance, enhanced cooperation (paragraphs 69 to 71) and the Internet Governance Forum.',
  },
  {
    language: 'fr',
    title: 'Agenda de Tunis pour la société de l’information',
    abstract:
      'Document final de la seconde phase du Sommet mondial sur la société de l’information : mécanismes de financement, gouvernance de l’Internet, coopération renforcée (paragraphes 69 à 71) et Forum sur la gouvernance de l’Internet.',
  },
  {
    language: 'es',
    title: 'Agenda de Túnez para la Sociedad de la Información',
    abstract:
      'Documento final de la segunda fase de la Cumbre Mundial sobre la Sociedad de la Información: mecanismos de financiación, gobernanza de Internet, cooperación mejorada (párrafos 69 a 71) y Foro para la Gobernanza de Internet.',
  },
  {
    language: 'ru',
    title: 'Тунисская программа для информационного общества',
    abstract:
      'Итоговый документ второго этапа Всемирной встречи на высшем уровне по вопросам информационного общества: механизмы финансирования, управление использованием Интернета, расширенное сотрудничество (пункты 69–71) и Форум по вопросам управления Интернетом.',
  },
  {
    language: 'zh',
    title: '信息社会突尼斯议程',
    abstract: '信息社会世界峰会第二阶段成果文件：融资机制、互联网治理、加强合作（第69至71段）和互联网治理论坛。',
  },
  {
    language: 'ar',
    title: 'برنامج عمل تونس لمجتمع المعلومات',
    abstract:
      'الوثيقة الختامية للمرحلة الثانية من القمة العالمية لمجتمع المعلومات: آليات التمويل، وإدارة الإنترنت، والتعاون المعزز (الفقرات 69 إلى 71)، ومنتدى إدارة الإنترنت.',
  },
].map((i) => ({
  ...i,
  type: 'report' as const,
  publishedOn: '2005-11-18',
  url: 'https://www.itu.int/net/wsis/docs2/tunis/off/6rev1.html',
  issueSlugs: ['critical-internet-resources', 'capacity-development'],
  organizations: ['ITU'],
}))

const OTHERS: DemoItem[] = [
  {
    type: 'report',
    language: 'en',
    title: 'Report of the Working Group on Enhanced Cooperation (E/CN.16/2018/CRP.3)',
    abstract:
      'The WGEC’s report to the CSTD: recommendations adopted by consensus on how to further implement enhanced cooperation, and the proposals that did not reach consensus.',
    publishedOn: '2018-05-14',
    url: 'https://unctad.org/meeting/commission-science-and-technology-development-twenty-first-session',
    organizations: ['UNCTAD'],
    issueSlugs: ['capacity-development'],
  },
  {
    type: 'report',
    language: 'en',
    title: 'Digital Economy Report 2021: Cross-border data flows and development',
    abstract:
      'UNCTAD’s analysis of cross-border data flows, their governance and what they mean for developing countries.',
    publishedOn: '2021-09-29',
    url: 'https://unctad.org/page/digital-economy-report-2021',
    organizations: ['UNCTAD'],
    issueSlugs: ['data-governance', 'ecommerce-trade'],
  },
  {
    type: 'dataset',
    language: 'en',
    title: 'Measuring digital development: Facts and Figures 2023',
    abstract:
      'ITU’s annual estimates of Internet use, connectivity and affordability worldwide, by region and development status.',
    publishedOn: '2023-11-27',
    url: 'https://www.itu.int/itu-d/reports/statistics/facts-figures-2023/',
    organizations: ['ITU'],
    issueSlugs: ['access-digital-divide', 'telecom-infrastructure'],
  },
  {
    type: 'report',
    language: 'en',
    title: 'OECD Digital Economy Outlook 2024',
    abstract:
      'Trends in digital technologies, connectivity, skills and policy across OECD members and partner economies.',
    publishedOn: '2024-05-14',
    url: 'https://www.oecd.org/digital/',
    organizations: ['OECD'],
    issueSlugs: ['artificial-intelligence', 'access-digital-divide'],
  },
  {
    type: 'brief',
    language: 'fr',
    title: 'Indicateurs de l’universalité de l’Internet de l’UNESCO',
    abstract:
      'Cadre d’indicateurs pour évaluer le développement de l’Internet au regard des droits, de l’ouverture, de l’accessibilité et de la participation multipartite.',
    publishedOn: '2019-01-01',
    url: 'https://www.unesco.org/en/internet-universality-indicators',
    organizations: ['UNESCO'],
    issueSlugs: ['freedom-of-expression', 'access-digital-divide'],
  },
  {
    type: 'brief',
    language: 'es',
    title: 'La cooperación mejorada y el Foro para la Gobernanza de Internet: dos procesos distintos',
    abstract:
      'Nota ilustrativa escrita para la demostración sobre la distinción entre la cooperación mejorada y el Foro para la Gobernanza de Internet desde la Agenda de Túnez.',
    publishedOn: '2022-06-01',
    issueSlugs: ['capacity-development'],
  },
  {
    type: 'paper',
    language: 'ru',
    title: 'Международное сотрудничество в борьбе с киберпреступностью',
    abstract:
      'Иллюстративная записка, подготовленная для демонстрации: обзор международных договоров и механизмов сотрудничества в борьбе с киберпреступностью.',
    publishedOn: '2024-03-01',
    organizations: ['UNODC'],
    issueSlugs: ['cybercrime'],
  },
  {
    type: 'paper',
    language: 'zh',
    title: '网络安全能力建设的国际合作',
    abstract: '为演示编写的示例文件：发展中国家网络安全能力建设的国际合作方式。',
    publishedOn: '2023-10-01',
    organizations: ['ITU'],
    issueSlugs: ['cybersecurity', 'capacity-development'],
  },
  {
    type: 'paper',
    language: 'ar',
    title: 'التعاون الدولي في مكافحة الجريمة السيبرانية في المنطقة العربية',
    abstract: 'ورقة توضيحية أُعدت للعرض: أوجه التعاون الإقليمي والدولي في مكافحة الجريمة السيبرانية.',
    publishedOn: '2024-02-01',
    organizations: ['UNODC'],
    issueSlugs: ['cybercrime'],
  },
]

export async function loadKnowledgeDemo(ctx: DemoContext): Promise<void> {
  const now = new Date()
  const { rows } = await listOrganizations(ctx.db, { limit: 1000, offset: 0 })
  const orgIds = (keys: string[] = []) => rows.filter((o) => o.acronym && keys.includes(o.acronym)).map((o) => o.id)
  let first: number | undefined
  for (const item of TUNIS) {
    const published = await publishItem(
      ctx.db,
      { actor: SYSTEM, now },
      { ...item, organizationIds: orgIds(item.organizations), versionOf: first },
    )
    if (!published.ok) throw new Error(`demo library: ${JSON.stringify(published.error)}`)
    first ??= published.value.id
  }
  for (const item of OTHERS) {
    const published = await publishItem(
      ctx.db,
      { actor: SYSTEM, now },
      { ...item, organizationIds: orgIds(item.organizations) },
    )
    if (!published.ok) throw new Error(`demo library: ${JSON.stringify(published.error)}`)
  }
}
