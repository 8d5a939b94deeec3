import type { TProvince } from '../../../src/shared/cases/vocabulary'
import type { TTraditionName } from './names'

/*
 * Where survivors come from and where they live in Canada, weighted roughly like the caseload of a Canadian
 * centre for survivors of atrocity crimes: mostly Syria, Afghanistan, the Horn of Africa, Iraq, Iran, Sudan, the
 * Great Lakes, Ukraine, Colombia and Venezuela, Haiti, Sri Lanka; most living in Ontario and Quebec.
 */

export type TOrigin = {
  /** How many survivors of 100 come from here. */
  weight: number
  traditions: Partial<Record<TTraditionName, number>>
  /** Preferred languages (ISO 639), weighted. */
  languages: Record<string, number>
  /** Names recorded in Latin letters only (Rohingya names, whose own script few documents use). */
  latinOnly?: boolean
}

export const ORIGINS: Readonly<Record<string, TOrigin>> = {
  SY: { weight: 12, traditions: { arabic: 85, kurdishTurkish: 15 }, languages: { ar: 85, ku: 15 } },
  AF: { weight: 10, traditions: { persian: 1 }, languages: { prs: 50, ps: 40, fa: 10 } },
  ER: { weight: 7, traditions: { ethiopic: 1 }, languages: { ti: 90, ar: 10 } },
  ET: { weight: 6, traditions: { ethiopic: 1 }, languages: { am: 50, om: 25, ti: 25 } },
  IQ: { weight: 6, traditions: { arabic: 75, kurdishTurkish: 25 }, languages: { ar: 70, ckb: 20, ku: 10 } },
  IR: { weight: 6, traditions: { persian: 1 }, languages: { fa: 1 } },
  SD: { weight: 6, traditions: { arabic: 1 }, languages: { ar: 1 } },
  CD: { weight: 6, traditions: { centralAfrican: 70, haitian: 30 }, languages: { fr: 40, ln: 30, sw: 30 } },
  UA: { weight: 5, traditions: { cyrillic: 1 }, languages: { uk: 70, ru: 30 } },
  SO: { weight: 4, traditions: { somali: 1 }, languages: { so: 1 } },
  CO: { weight: 4, traditions: { spanish: 1 }, languages: { es: 1 } },
  YE: { weight: 3, traditions: { arabic: 1 }, languages: { ar: 1 } },
  SS: { weight: 3, traditions: { centralAfrican: 1 }, languages: { din: 40, nus: 20, en: 25, ar: 15 } },
  RW: { weight: 3, traditions: { centralAfrican: 1 }, languages: { rw: 70, fr: 30 } },
  VE: { weight: 3, traditions: { spanish: 1 }, languages: { es: 1 } },
  HT: { weight: 3, traditions: { haitian: 1 }, languages: { ht: 60, fr: 40 } },
  LK: { weight: 3, traditions: { tamil: 1 }, languages: { ta: 1 } },
  MM: { weight: 2, traditions: { arabic: 1 }, languages: { rhg: 80, my: 20 }, latinOnly: true },
  CN: { weight: 2, traditions: { chinese: 1 }, languages: { zh: 70, ug: 30 } },
  TR: { weight: 2, traditions: { kurdishTurkish: 1 }, languages: { ku: 60, tr: 40 } },
  RU: { weight: 1, traditions: { cyrillic: 1 }, languages: { ru: 1 } },
  NP: { weight: 1, traditions: { devanagari: 1 }, languages: { ne: 1 } },
  BI: { weight: 1, traditions: { centralAfrican: 1 }, languages: { rn: 80, fr: 20 } },
  SV: { weight: 1, traditions: { spanish: 1 }, languages: { es: 1 } },
}

export const ORIGIN_WEIGHTS: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(ORIGINS).map(([country, origin]) => [country, origin.weight]),
)

/** Where survivors live: provinces weighted by population and settlement, with their cities. */
export const PROVINCE_WEIGHTS: Readonly<Record<TProvince, number>> = {
  ON: 42,
  QC: 28,
  BC: 9,
  AB: 9,
  MB: 4,
  SK: 2,
  NS: 2,
  NB: 1.5,
  NL: 0.8,
  PE: 0.3,
  NT: 0.1,
  YT: 0.1,
  NU: 0.05,
}

/** Cities, most populous first (drawn with a skew). */
export const CITIES: Readonly<Record<TProvince, readonly string[]>> = {
  ON: [
    'Toronto',
    'Ottawa',
    'Mississauga',
    'Hamilton',
    'London',
    'Windsor',
    'Kitchener',
    'Brampton',
    'Kingston',
  ],
  QC: ['Montréal', 'Laval', 'Québec', 'Gatineau', 'Longueuil', 'Sherbrooke', 'Trois-Rivières'],
  BC: ['Vancouver', 'Surrey', 'Burnaby', 'Richmond', 'Victoria', 'Kelowna'],
  AB: ['Calgary', 'Edmonton', 'Red Deer', 'Lethbridge'],
  MB: ['Winnipeg', 'Brandon', 'Steinbach'],
  SK: ['Saskatoon', 'Regina', 'Prince Albert'],
  NS: ['Halifax', 'Dartmouth', 'Sydney'],
  NB: ['Moncton', 'Saint John', 'Fredericton'],
  NL: ["St. John's", 'Corner Brook'],
  PE: ['Charlottetown', 'Summerside'],
  NT: ['Yellowknife'],
  YT: ['Whitehorse'],
  NU: ['Iqaluit'],
}
