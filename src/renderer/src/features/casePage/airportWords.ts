import { airportName, isAirport } from '../../../../shared/roster/airports'

/**
 * The survivor's airport in words: "YUL — Montréal–Trudeau International Airport, terminal 2" (the code's name,
 * then whatever free text staff added), '' when neither was recorded. A case stored before the code existed has
 * only the text.
 */
export function airportWords(needs: { airport: string; airportCode?: string }, language: string): string {
  const code = needs.airportCode ?? ''
  const named = isAirport(code) ? `${code} — ${airportName(code, language)}` : ''
  return [named, needs.airport.trim()].filter((part) => part !== '').join(', ')
}
