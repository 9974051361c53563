// The demo's bodies: the chain General Assembly -> ECOSOC -> CSTD -> WGEC, and the WGEC's
// membership as the seed report (seed 003) tells it.

/**
 * Twenty-two Member States, four to five per regional group. The report names only the Chair's
 * country; the others are an illustrative, plausible membership, and the page says so.
 */
export const WGEC_STATES = [
  'ZAF',
  'EGY',
  'KEN',
  'NGA',
  'TUN',
  'CHN',
  'IND',
  'IRN',
  'JPN',
  'SAU',
  'RUS',
  'POL',
  'LVA',
  'BRA',
  'MEX',
  'ARG',
  'CUB',
  'USA',
  'FRA',
  'CHE',
  'GBR',
  'SWE',
]

/** Twenty stakeholder members across the five groups of seed 003 para 2 (illustrative). */
export const WGEC_ORGANIZATIONS = [
  'icc',
  'gsma',
  'iti',
  'digitaleurope',
  'apc',
  'article-19',
  'gpd',
  'it-for-change',
  'derechos-digitales',
  'isoc',
  'icann',
  'ripe-ncc',
  'afrinic',
  'lacnic',
  'oii',
  'giganet',
  'itu',
  'unesco',
  'oecd',
  'coe',
]

/** The bodies' names in the six languages (English is the body's `name`). */
export const NAMES = {
  unga: {
    ar: 'الجمعية العامة للأمم المتحدة',
    zh: '联合国大会',
    fr: 'Assemblée générale des Nations Unies',
    ru: 'Генеральная Ассамблея Организации Объединенных Наций',
    es: 'Asamblea General de las Naciones Unidas',
  },
  ecosoc: {
    ar: 'المجلس الاقتصادي والاجتماعي',
    zh: '经济及社会理事会',
    fr: 'Conseil économique et social',
    ru: 'Экономический и Социальный Совет',
    es: 'Consejo Económico y Social',
  },
  cstd: {
    ar: 'لجنة تسخير العلم والتكنولوجيا لأغراض التنمية',
    zh: '科学和技术促进发展委员会',
    fr: 'Commission de la science et de la technique au service du développement',
    ru: 'Комиссия по науке и технике в целях развития',
    es: 'Comisión de Ciencia y Tecnología para el Desarrollo',
  },
  wgec: {
    ar: 'الفريق العامل المعني بتعزيز التعاون',
    zh: '加强合作问题工作组',
    fr: 'Groupe de travail sur le renforcement de la coopération',
    ru: 'Рабочая группа по расширению сотрудничества',
    es: 'Grupo de Trabajo sobre la Mejora de la Cooperación',
  },
}
