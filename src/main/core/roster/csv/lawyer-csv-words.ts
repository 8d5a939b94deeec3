import { COMMON_LANGUAGES, isLanguageCode, languageName } from '../../../../shared/cases/codes'
import { EXPERIENCES, LEGAL_NEEDS, PROVINCES, type TProvince } from '../../../../shared/cases/vocabulary'
import { normalizeHeader, vocabularyKey } from '../../csv/cells'

/*
 * Words a sign-up form writes for provinces, languages and practice areas, in English or French, turned into the
 * vault's keys. Only unambiguous words are accepted; anything else is a problem named by row and column.
 */

/** Folded words already seen: a sign-up file repeats a few dozen words thousands of times. Bounded. */
const foldedWords = new Map<string, string>()
const MAX_FOLDED_WORDS = 10_000

/** Compared after folding: 'Québec', 'quebec', 'QUÉBEC' are one. */
function fold(word: string): string {
  let folded = foldedWords.get(word)
  if (folded === undefined) {
    folded = normalizeHeader(word)
    if (foldedWords.size >= MAX_FOLDED_WORDS) foldedWords.clear()
    foldedWords.set(word, folded)
  }
  return folded
}

// prettier-ignore
const PROVINCE_WORDS: Readonly<Record<TProvince, readonly string[]>> = {
  AB: ['alberta'],
  BC: ['british columbia', 'colombie britannique', 'b c', 'c b'],
  MB: ['manitoba'],
  NB: ['new brunswick', 'nouveau brunswick'],
  NL: ['newfoundland and labrador', 'newfoundland', 'terre neuve et labrador', 'terre neuve', 'nfld'],
  NS: ['nova scotia', 'nouvelle ecosse'],
  NT: ['northwest territories', 'territoires du nord ouest', 'nwt', 'tno'],
  NU: ['nunavut'],
  ON: ['ontario', 'ont'],
  PE: ['prince edward island', 'ile du prince edouard', 'pei', 'ipe', 'i p e'],
  QC: ['quebec', 'que', 'pq'],
  SK: ['saskatchewan', 'sask'],
  YT: ['yukon', 'yukon territory'],
}

const provinces = new Map<string, TProvince>()
for (const province of PROVINCES) {
  provinces.set(fold(province), province)
  for (const word of PROVINCE_WORDS[province]) provinces.set(fold(word), province)
}

/** 'Québec', 'QC', 'qc', 'Colombie-Britannique' → the province code; null when not one. */
export const provinceOf = (word: string): TProvince | null => provinces.get(fold(word)) ?? null

let languages: Map<string, string> | null = null
/** Built on first use: every common language's English and French names (Intl), plus a few usual spellings. */
function languageWords(): Map<string, string> {
  if (languages !== null) return languages
  languages = new Map()
  for (const code of COMMON_LANGUAGES) {
    for (const locale of ['en', 'fr']) {
      const name = languageName(code, locale)
      if (name !== code && !languages.has(fold(name))) languages.set(fold(name), code)
    }
  }
  for (const [word, code] of Object.entries(EXTRA_LANGUAGE_WORDS)) languages.set(fold(word), code)
  return languages
}
const EXTRA_LANGUAGE_WORDS: Readonly<Record<string, string>> = {
  farsi: 'fa',
  mandarin: 'zh',
  cantonese: 'yue',
  cantonais: 'yue',
  dari: 'prs',
  kurdish: 'ku',
  sorani: 'ckb',
  tagalog: 'tl',
  filipino: 'tl',
}

/** 'Arabic', 'arabe', 'AR', 'ara'? → 'ar'. A code is accepted as is; null when neither a code nor a known name. */
export function languageOf(word: string): string | null {
  const lowered = word.trim().toLowerCase()
  if (/^[a-z]{2,3}$/.test(lowered) && isLanguageCode(lowered)) return lowered
  return languageWords().get(fold(word)) ?? null
}

// prettier-ignore
const PRACTICE_WORDS: Readonly<Record<(typeof LEGAL_NEEDS)[number], readonly string[]>> = {
  refugee_claim: ['refugee', 'refugee claims', 'irb', 'asylum', 'demande d asile', 'asile', 'demande de refugie', 'cisr'],
  detention_review: ['detention', 'detention reviews', 'controle des motifs de detention', 'detention review hearings'],
  removal_prra: ['removal', 'prra', 'pre removal risk assessment', 'renvoi', 'erar', 'examen des risques avant renvoi'],
  federal_court: ['federal court', 'judicial review', 'cour federale', 'controle judiciaire'],
  family_reunification: ['family reunification', 'family sponsorship', 'reunification familiale', 'regroupement familial'],
  criminal_complaint: ['criminal complaint', 'universal jurisdiction', 'plainte criminelle', 'competence universelle'],
  civil_claim: ['civil claim', 'civil litigation', 'poursuite civile', 'recours civil'],
  airport_support: ['airport', 'airport support', 'port of entry', 'aeroport', 'soutien a l aeroport', 'point d entree'],
  other: ['autre'],
}
const practiceAreas = new Map<string, (typeof LEGAL_NEEDS)[number]>()
for (const need of LEGAL_NEEDS) {
  practiceAreas.set(fold(need), need)
  for (const word of PRACTICE_WORDS[need]) practiceAreas.set(fold(word), need)
}

/** 'Refugee claim', 'refugee-claim', 'demande d’asile' → 'refugee_claim'; null when none. */
export const practiceAreaOf = (word: string): (typeof LEGAL_NEEDS)[number] | null =>
  practiceAreas.get(fold(word)) ?? null

// prettier-ignore
const EXPERIENCE_WORDS: Readonly<Record<(typeof EXPERIENCES)[number], readonly string[]>> = {
  torture: [],
  war_crimes: ['crimes de guerre'],
  genocide: ['genocide'],
  crimes_against_humanity: ['crimes contre l humanite'],
  sexual_violence: ['violence sexuelle', 'conflict related sexual violence'],
  enforced_disappearance: ['disparition forcee', 'disappearance'],
  other: ['autre'],
}
const experiences = new Map<string, (typeof EXPERIENCES)[number]>()
for (const experience of EXPERIENCES) {
  experiences.set(fold(experience), experience)
  for (const word of EXPERIENCE_WORDS[experience]) experiences.set(fold(word), experience)
}

export const experienceOf = (word: string): (typeof EXPERIENCES)[number] | null =>
  experiences.get(fold(vocabularyKey(word))) ?? null
