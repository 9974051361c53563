// Generated consultations with known campaigns, for the quality test and the bench: campaign
// templates copied exactly or edited (words replaced), reordered (sentences swapped), typo'd
// (letters swapped) and extended (a personal sentence added), plus unique texts in six scripts.
// Words are synthetic (syllables of each script), so unrelated texts share what real ones would:
// little. Deterministic for a seed.
import type { ImportedContribution } from '../../contributions/index.ts'

export interface GeneratedContribution {
  externalId: string
  language: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es'
  text: string
  /** the campaign it was generated from, or null for a unique text */
  campaign: number | null
  submittedAt: Date
  speakerName: string
}

export interface GenerateOptions {
  seed?: number
  total: number
  /** share of contributions that belong to a campaign (default 0.7) */
  campaignShare?: number
  campaigns?: number
  start?: Date
}

/** mulberry32: a small seeded generator */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SYLLABLES: Record<GeneratedContribution['language'], string[]> = {
  en: 'ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu'.split(
    ' ',
  ),
  fr: 'ai au ba bé ci dé fa gé ja lo mé nu pa qui ré sé té va vé ou eau ien on an in'.split(' '),
  es: 'ca ce ci co cu ga go gu ja je jo lla lle llo ña ñe ño pa pe pi po ra re ri ro ta te ti to'.split(' '),
  ru: 'ба бе би бо да де ди до ка ке ки ко ла ле ли ло ма ме ми мо на не ни но ра ре ри ро та те ти то'.split(' '),
  ar: 'با بي بو تا تي تو سا سي سو ما مي مو نا ني نو لا لي لو را ري رو كا كي كو'.split(' '),
  zh: '的 一 是 不 了 人 我 在 有 他 这 中 大 来 上 国 个 到 说 们 为 子 和 你 地 出 道 也 时 年 网 络 合 作 政 策 发 展 治 理 权 利'.split(
    ' ',
  ),
}
const LANGUAGES = Object.keys(SYLLABLES) as GeneratedContribution['language'][]

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)] as T
}

function word(rnd: () => number, language: GeneratedContribution['language']): string {
  const parts = language === 'zh' ? 2 : 2 + Math.floor(rnd() * 3)
  let w = ''
  for (let i = 0; i < parts; i++) w += pick(rnd, SYLLABLES[language])
  return w
}

function sentence(rnd: () => number, language: GeneratedContribution['language'], words = 10 + Math.floor(rnd() * 7)) {
  const out: string[] = []
  for (let i = 0; i < words; i++) out.push(word(rnd, language))
  const s = language === 'zh' ? out.join('') : out.join(' ')
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}${language === 'zh' ? '。' : '.'}`
}

function template(rnd: () => number, language: GeneratedContribution['language']): string[] {
  const count = 7 + Math.floor(rnd() * 4)
  return Array.from({ length: count }, () => sentence(rnd, language))
}

function typo(rnd: () => number, text: string): string {
  const at = Math.floor(rnd() * (text.length - 2))
  return text.slice(0, at) + text.charAt(at + 1) + text.charAt(at) + text.slice(at + 2)
}

/** A copy of a template the way campaign members send it. */
function variant(rnd: () => number, sentences: string[], language: GeneratedContribution['language']): string {
  const s = [...sentences]
  const kind = rnd()
  const join = (parts: string[]) => parts.join(language === 'zh' ? '' : ' ')
  if (kind < 0.3) return join(s)
  if (kind < 0.45) {
    // edited: a word replaced in one sentence
    const i = Math.floor(rnd() * s.length)
    const ws = (s[i] as string).split(' ')
    ws[Math.floor(rnd() * ws.length)] = word(rnd, language)
    s[i] = ws.join(' ')
    return join(s)
  }
  if (kind < 0.6) {
    // reordered: two neighbouring sentences swapped
    const i = Math.floor(rnd() * (s.length - 1))
    ;[s[i], s[i + 1]] = [s[i + 1] as string, s[i] as string]
    return join(s)
  }
  if (kind < 0.75) {
    let text = join(s)
    for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++) text = typo(rnd, text)
    return text
  }
  // extended: a personal sentence added before or after
  const personal = sentence(rnd, language, 6 + Math.floor(rnd() * 6))
  return rnd() < 0.5 ? join([...s, personal]) : join([personal, ...s])
}

/** Generates `total` contributions, in submission order, each with its true campaign. */
export function* generateContributions(options: GenerateOptions): Generator<GeneratedContribution> {
  const rnd = random(options.seed ?? 1)
  const campaignCount = options.campaigns ?? Math.max(2, Math.round(Math.sqrt(options.total) / 4))
  const share = options.campaignShare ?? 0.7
  const templates = Array.from({ length: campaignCount }, (_, i) => {
    const language = LANGUAGES[i % LANGUAGES.length] as GeneratedContribution['language']
    return { language, sentences: template(rnd, language) }
  })
  // campaign sizes follow a Zipf law: the first is the largest
  const weights = templates.map((_, i) => 1 / (i + 1))
  const sum = weights.reduce((a, b) => a + b, 0)
  const cumulative: number[] = []
  let acc = 0
  for (const w of weights) {
    acc += w / sum
    cumulative.push(acc)
  }
  const start = options.start?.getTime() ?? Date.UTC(2026, 10, 1)
  for (let n = 0; n < options.total; n++) {
    const at = new Date(start + n * 1000 + Math.floor(rnd() * 1000))
    const externalId = `G-${n + 1}`
    const speakerName = `Contributor ${n + 1}`
    if (rnd() < share) {
      const r = rnd()
      const campaign = cumulative.findIndex((c) => r <= c)
      const t = templates[campaign] as (typeof templates)[number]
      yield {
        externalId,
        language: t.language,
        text: variant(rnd, t.sentences, t.language),
        campaign,
        submittedAt: at,
        speakerName,
      }
    } else {
      const language = pick(rnd, LANGUAGES)
      yield {
        externalId,
        language,
        text: template(rnd, language).join(' '),
        campaign: null,
        submittedAt: at,
        speakerName,
      }
    }
  }
}

/** A generated contribution as a bulk import stores it: a person speaking for themselves. */
export function asImported(g: GeneratedContribution, questionId: number, sourceLine: number): ImportedContribution {
  return {
    externalId: g.externalId,
    submittedAt: g.submittedAt,
    speakingFor: 'self',
    memberStateIso3: null,
    organizationId: null,
    contributorName: g.speakerName,
    stakeholderGroup: 'individual',
    regionalGroup: null,
    ldc: false,
    lldc: false,
    sids: false,
    language: g.language,
    questionId,
    text: g.text,
    sourceLine,
  }
}
