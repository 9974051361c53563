// What the repository's copies of the UN sources do not say, or say out of date, with the
// source of each correction. Read by build-member-states.ts; see reference/README.md.

export const SOURCES = {
  m49: 'United Nations Statistics Division, Standard country or area codes for statistical use (M49), overview table in the six UN languages, as downloaded September 2024 (datasets/country-codes@25c1991)',
  unterm:
    'UN Protocol and Liaison Service via UNTERM, short and formal names in the six UN languages (datasets/country-codes@a09b84a)',
  groups:
    'UN DGACM, "Regional groups of Member States" (https://www.un.org/dgacm/en/content/regional-groups), transcribed 2024-02-02',
  ldc: 'UNSD M49 LDC flags (September 2024), corrected for graduations decided by the General Assembly',
  lldc: 'UNSD M49 LLDC flags (September 2024); the same 32 States as UN-OHRLLS',
  sids: 'UNSD M49 SIDS flags (September 2024), UN Member States only; UN-OHRLLS also lists Bahrain, which M49 does not flag',
} as const

export const AS_OF = {
  m49: '2024-09-25',
  unterm: '2024-09-26',
  groups: '2024-02-02',
} as const

/** Formal names that changed after the UNTERM copy was made. */
export const FORMAL_NAME_OVERRIDES: Record<string, { names: Record<string, string>; source: string }> = {
  TUR: {
    names: {
      ar: 'جمهورية تركيا',
      zh: '土耳其共和国',
      en: 'the Republic of Türkiye',
      fr: 'la République de Türkiye',
      ru: 'Турецкая Республика',
      es: 'la República de Türkiye',
    },
    source: 'UNTERM entry for Türkiye after the change of name notified to the UN in June 2022',
  },
}

/** LDC graduations after the M49 copy: the flag stops applying on `validUntil`. */
export const LDC_GRADUATIONS: Record<string, { validUntil: string; source: string }> = {
  STP: {
    validUntil: '2024-12-13',
    source: 'UN DESA Committee for Development Policy: São Tomé and Príncipe graduated on 13 December 2024',
  },
  BGD: {
    validUntil: '2026-11-24',
    source:
      'A/RES/76/8 (24 November 2021): graduation effective five years after adoption; scheduled date, to be confirmed against the CDP list',
  },
  LAO: {
    validUntil: '2026-11-24',
    source:
      'A/RES/76/8 (24 November 2021): graduation effective five years after adoption; scheduled date, to be confirmed against the CDP list',
  },
  NPL: {
    validUntil: '2026-11-24',
    source:
      'A/RES/76/8 (24 November 2021): graduation effective five years after adoption; scheduled date, to be confirmed against the CDP list',
  },
}

/** How the UN counts the special cases of the regional groups (DGACM list; ask.un.org FAQ 14521). */
export const GROUP_NOTES: Record<string, { note: string; extra?: { group: string; note: string } }> = {
  TUR: {
    note: 'Listed under both Asia-Pacific and WEOG; for electoral purposes considered a member of WEOG only.',
    extra: {
      group: 'asia-pacific',
      note: 'Full participant in the Asia-Pacific Group; not counted there for elections.',
    },
  },
  USA: {
    note: 'Not a member of any regional group; attends WEOG meetings as an observer and is considered a member of WEOG for electoral purposes.',
  },
  ISR: { note: 'Full member of WEOG since May 2000 (temporary), renewed permanently in 2004.' },
  KIR: {
    note: 'The ask.un.org FAQ says Kiribati is in no group (2010); the current DGACM list places it under Asia-Pacific States, which is followed here.',
  },
}

export const OBSERVER_STATES = ['VAT', 'PSE'] as const
