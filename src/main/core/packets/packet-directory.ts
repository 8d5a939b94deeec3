import { PROVINCES, type TProvince } from '../../../shared/cases/vocabulary'
import { packetTexts } from '../../../shared/packets/packet-texts'
import type { TPacketLanguage } from '../../../shared/packets/vocabulary'
import { keysOf } from '../db/key-list'
import { OrganizationQueries } from '../directory/organization-repository'
import { ResourceQueries } from '../directory/resource-repository'
import type { TSession } from '../session/session'
import { nameOf } from './packet-details'
import type { TPacketOrganization, TPacketResource } from './packet-model'
import type { TPacketDirectory } from './packet-sources'

const isProvince = (value: string): value is TProvince => (PROVINCES as readonly string[]).includes(value)

/**
 * The survivor's packet reads the directory (issue 10): organizations serving their province with the national
 * ones (all of them, when the province is not known), those speaking one of the survivor's languages first. The
 * languages only reorder the list: a survivor whose languages no organization lists still gets every one.
 */
export const vaultPacketDirectory: TPacketDirectory = {
  organizationsFor(
    session: TSession,
    province: string,
    languages: readonly string[],
    packetLanguage: TPacketLanguage,
  ) {
    const texts = packetTexts(packetLanguage)
    const rows = new OrganizationQueries(session.db).list({
      words: [],
      includeRetired: false,
      ...(isProvince(province) ? { province } : {}),
    })
    const speaks = (languageKeys: string): boolean =>
      keysOf(languageKeys).some((key) => languages.includes(key))
    const ordered = [
      ...rows.filter((row) => speaks(row.language_keys)),
      ...rows.filter((row) => !speaks(row.language_keys)),
    ]
    return ordered.map((row): TPacketOrganization => ({
      name: row.name,
      national: row.national === 1,
      provinces:
        row.national === 1
          ? []
          : keysOf(row.province_keys).map((key) => (isProvince(key) ? texts.province[key] : key)),
      languages: keysOf(row.language_keys).map((code) => nameOf('language', code, packetLanguage)),
      phone: row.phone,
      website: row.website,
    }))
  },
  resources(session: TSession): TPacketResource[] {
    return new ResourceQueries(session.db)
      .list({ words: [], includeRetired: false })
      .map((row) => ({ title: row.title, url: row.link }))
  },
}
