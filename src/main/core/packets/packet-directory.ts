import { PROVINCES, type TProvince } from '../../../shared/cases/vocabulary'
import type { TOrganization } from '../../../shared/contract/directory'
import { packetTexts } from '../../../shared/packets/packet-texts'
import type { TPacketLanguage } from '../../../shared/packets/vocabulary'
import type { TCaseWithFile } from '../cases/case-rows'
import { staleBefore, toOrganization } from '../directory/directory-views'
import { OrganizationQueries } from '../directory/organization-repository'
import { ResourceQueries } from '../directory/resource-repository'
import { survivorOfCase } from '../matching/case-ranking'
import { rankOrganizations } from '../matching/organization-ranking'
import type { TSurvivorProfile } from '../matching/types'
import type { TSession } from '../session/session'
import { nameOf } from './packet-details'
import type { TPacketOrganization, TPacketResource } from './packet-model'
import type { TPacketDirectory, TPacketOrganizations } from './packet-sources'

const isProvince = (value: string): value is TProvince => (PROVINCES as readonly string[]).includes(value)

const asPrinted = (organization: TOrganization, packetLanguage: TPacketLanguage): TPacketOrganization => {
  const texts = packetTexts(packetLanguage)
  return {
    name: organization.name,
    national: organization.national,
    provinces: organization.provinces.map((key) => (isProvince(key) ? texts.province[key] : key)),
    languages: organization.languages.map((code) => nameOf('language', code, packetLanguage)),
    phone: organization.phone,
    website: organization.website,
  }
}

/** Those speaking one of the survivor's languages first; otherwise the order given (the ranking's, by name). */
const speakersFirst = (organizations: readonly TOrganization[], survivor: TSurvivorProfile) => {
  const spoken = [survivor.preferredLanguage, ...survivor.otherLanguages].filter(
    (language): language is string => language !== null && language !== '',
  )
  const speaks = (organization: TOrganization) =>
    organization.languages.some((language) => spoken.includes(language))
  return [...organizations.filter(speaks), ...organizations.filter((each) => !speaks(each))]
}

/**
 * The survivor's packet lists the organizations matching ranks for them (issue 11), best suited first, exactly as
 * the case page's Organizations list orders them: their province or national, their needs, their languages. Then
 * the organizations that serve their province (or all of Canada) but none of their recorded needs, so nothing
 * near them is hidden from the sheet; those speaking the survivor's languages first. Retired organizations and
 * those serving only other provinces are left out. When the province is not known, only national ones list.
 */
export const vaultPacketDirectory: TPacketDirectory = {
  organizationsFor(
    session: TSession,
    row: TCaseWithFile,
    packetLanguage: TPacketLanguage,
  ): TPacketOrganizations {
    const now = session.clock.now()
    const cutoff = staleBefore(now)
    const organizations = new OrganizationQueries(session.db)
      .list({ words: [], includeRetired: false })
      .map((organization) => toOrganization(organization, cutoff))
    const survivor = survivorOfCase(session, row)
    const ranking = rankOrganizations(survivor, organizations, { now })
    const nearButUnrelated = ranking.excluded
      .filter(({ reasons }) => reasons.every((reason) => reason.key === 'org.excluded.unrelated'))
      .map(({ organization }) => organization)
    return {
      matched: ranking.ranked.map(({ organization }) => asPrinted(organization, packetLanguage)),
      others: speakersFirst(nearButUnrelated, survivor).map((each) => asPrinted(each, packetLanguage)),
    }
  },
  resources(session: TSession): TPacketResource[] {
    return new ResourceQueries(session.db)
      .list({ words: [], includeRetired: false })
      .map((row) => ({ title: row.title, url: row.link }))
  },
}
