import type { TProvince } from '../cases/vocabulary'

/**
 * Airports where CCIJ's volunteer lawyers can be on call, by IATA code. Each carries its English and French name,
 * its province and its IANA time zone: "on call now at YUL" is decided in YUL's local time, whatever the laptop's
 * zone. Append new codes at the end; never rename one (codes are stored in the vault and written in CSV files).
 */
// prettier-ignore
export const AIRPORTS = [
  'YVR', 'YYC', 'YEG', 'YWG', 'YYZ', 'YOW', 'YUL', 'YHZ',
  'YQB', 'YYJ', 'YXE', 'YQR', 'YQM', 'YFC', 'YYG', 'YYT', 'YXY', 'YZF', 'YFB',
] as const
export type TAirport = (typeof AIRPORTS)[number]

export type TAirportInfo = {
  en: string
  fr: string
  city: string
  province: TProvince
  /** IANA zone: Intl computes local day and time in it, daylight saving included. */
  timeZone: string
}

// prettier-ignore
export const AIRPORT_INFO: Readonly<Record<TAirport, TAirportInfo>> = {
  YVR: { en: 'Vancouver International Airport', fr: 'Aéroport international de Vancouver', city: 'Vancouver', province: 'BC', timeZone: 'America/Vancouver' },
  YYC: { en: 'Calgary International Airport', fr: 'Aéroport international de Calgary', city: 'Calgary', province: 'AB', timeZone: 'America/Edmonton' },
  YEG: { en: 'Edmonton International Airport', fr: 'Aéroport international d’Edmonton', city: 'Edmonton', province: 'AB', timeZone: 'America/Edmonton' },
  YWG: { en: 'Winnipeg Richardson International Airport', fr: 'Aéroport international Richardson de Winnipeg', city: 'Winnipeg', province: 'MB', timeZone: 'America/Winnipeg' },
  YYZ: { en: 'Toronto Pearson International Airport', fr: 'Aéroport international Pearson de Toronto', city: 'Toronto', province: 'ON', timeZone: 'America/Toronto' },
  YOW: { en: 'Ottawa Macdonald–Cartier International Airport', fr: 'Aéroport international Macdonald-Cartier d’Ottawa', city: 'Ottawa', province: 'ON', timeZone: 'America/Toronto' },
  YUL: { en: 'Montréal–Trudeau International Airport', fr: 'Aéroport international Montréal-Trudeau', city: 'Montréal', province: 'QC', timeZone: 'America/Toronto' },
  YHZ: { en: 'Halifax Stanfield International Airport', fr: 'Aéroport international Stanfield d’Halifax', city: 'Halifax', province: 'NS', timeZone: 'America/Halifax' },
  YQB: { en: 'Québec City Jean Lesage International Airport', fr: 'Aéroport international Jean-Lesage de Québec', city: 'Québec', province: 'QC', timeZone: 'America/Toronto' },
  YYJ: { en: 'Victoria International Airport', fr: 'Aéroport international de Victoria', city: 'Victoria', province: 'BC', timeZone: 'America/Vancouver' },
  YXE: { en: 'Saskatoon John G. Diefenbaker International Airport', fr: 'Aéroport international John-G.-Diefenbaker de Saskatoon', city: 'Saskatoon', province: 'SK', timeZone: 'America/Regina' },
  YQR: { en: 'Regina International Airport', fr: 'Aéroport international de Regina', city: 'Regina', province: 'SK', timeZone: 'America/Regina' },
  YQM: { en: 'Greater Moncton Roméo LeBlanc International Airport', fr: 'Aéroport international Roméo-LeBlanc du Grand Moncton', city: 'Moncton', province: 'NB', timeZone: 'America/Moncton' },
  YFC: { en: 'Fredericton International Airport', fr: 'Aéroport international de Fredericton', city: 'Fredericton', province: 'NB', timeZone: 'America/Moncton' },
  YYG: { en: 'Charlottetown Airport', fr: 'Aéroport de Charlottetown', city: 'Charlottetown', province: 'PE', timeZone: 'America/Halifax' },
  YYT: { en: 'St. John’s International Airport', fr: 'Aéroport international de St. John’s', city: 'St. John’s', province: 'NL', timeZone: 'America/St_Johns' },
  YXY: { en: 'Erik Nielsen Whitehorse International Airport', fr: 'Aéroport international Erik-Nielsen de Whitehorse', city: 'Whitehorse', province: 'YT', timeZone: 'America/Whitehorse' },
  YZF: { en: 'Yellowknife Airport', fr: 'Aéroport de Yellowknife', city: 'Yellowknife', province: 'NT', timeZone: 'America/Edmonton' },
  YFB: { en: 'Iqaluit Airport', fr: 'Aéroport d’Iqaluit', city: 'Iqaluit', province: 'NU', timeZone: 'America/Iqaluit' },
}

export const isAirport = (value: string): value is TAirport => (AIRPORTS as readonly string[]).includes(value)

/** The airport's name in English or French ('fr', 'fr-CA' …); anything else reads English. */
export const airportName = (airport: TAirport, language: string): string =>
  language.toLowerCase().startsWith('fr') ? AIRPORT_INFO[airport].fr : AIRPORT_INFO[airport].en

/** Monday first, as Canadian weekly schedules are written. Stored as these keys. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type TWeekday = (typeof WEEKDAYS)[number]

const INTL_WEEKDAYS: Readonly<Record<string, TWeekday>> = {
  Mon: 'mon',
  Tue: 'tue',
  Wed: 'wed',
  Thu: 'thu',
  Fri: 'fri',
  Sat: 'sat',
  Sun: 'sun',
}

const formatters = new Map<string, Intl.DateTimeFormat>()
const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone)
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

const lastLocalTimes = new Map<TAirport, { at: number; local: { day: TWeekday; minute: number } }>()

/** The weekday and minute of the day (0–1439) at `airport` at the instant `at`, in the airport's own time zone. */
export function airportLocalTime(airport: TAirport, at: Date): { day: TWeekday; minute: number } {
  // One ranking asks this for every lawyer covering the survivor's airport at the same instant: formatToParts
  // each time was a measurable share of ranking 10,000 lawyers, so the last answer per airport is kept.
  const last = lastLocalTimes.get(airport)
  if (last !== undefined && last.at === at.getTime()) return last.local
  const parts = formatterFor(AIRPORT_INFO[airport].timeZone).formatToParts(at)
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? ''
  const day = INTL_WEEKDAYS[part('weekday')] ?? 'mon'
  const local = { day, minute: Number(part('hour')) * 60 + Number(part('minute')) }
  lastLocalTimes.set(airport, { at: at.getTime(), local })
  return local
}
