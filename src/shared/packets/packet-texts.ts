import type {
  TAdversePartyKind,
  TAnswer,
  TContactMethod,
  TExperience,
  TGender,
  TImmigrationStatus,
  TLegalNeed,
  TProvince,
} from '../cases/vocabulary'
import { AppError } from '../result'
import {
  PACKET_TEMPLATE_VERSION,
  type TPacketField,
  type TPacketKind,
  type TPacketLanguage,
} from './vocabulary'

/*
 * The words printed on packets, in English and French. Main and the admin CLI share them (the renderer's catalogs
 * are for the screen). The French object is typed by the English one, so a missing translation is a compile error.
 * French typography: a no-break space (\u00a0) before : ; ? ! and curly apostrophes.
 *
 * The texts are versioned: a printed packet records the version it used (`templateVersion`) and a reprint uses the
 * same one, so its words never change. A version, once shipped, is never edited: a rewording is a new version
 * (an object spreading the last one and replacing what changed) and `PACKET_TEMPLATE_VERSION` moves to it.
 */

const en = {
  organization: 'Canadian Centre for International Justice',
  organizationShort: 'CCIJ',
  /** Between a label and its value. */
  colon: ': ',
  confidential: 'Confidential',
  disclaimer:
    'This document is not legal advice. It is a referral prepared by CCIJ staff to connect a survivor with help.',
  footerPacket: 'Packet',
  footerPage: 'Page',
  footerOf: 'of',
  date: 'Date',
  reference: 'Case',
  to: 'To',
  from: 'From',
  caseworker: 'Your caseworker at CCIJ',
  survivorDetails: 'About the person referred',
  noDetails: 'No personal details are included in this packet.',
  none: 'None given',
  title: {
    survivor: 'Your referral information',
    lawyer: 'Referral to a lawyer',
    organization: 'Referral to an organization',
    mp: 'Letter to a Member of Parliament',
  } satisfies Record<TPacketKind, string>,
  lawyerIntro:
    'Thank you for volunteering with CCIJ. We are referring the person described below, who survived grave human rights violations and needs legal help in Canada.',
  lawyerConflictCleared:
    'You have confirmed that you have no conflict of interest with this person or with the parties named in their case.',
  lawyerConflictPending:
    'Identifying details are withheld until you confirm that you have no conflict of interest with this person.',
  organizationIntro:
    'CCIJ is referring the person described below, with their consent, for the services your organization offers.',
  closing: 'With thanks,',
  contactUs: 'Please reply to the caseworker named in this packet.',
  survivorIntro:
    'This sheet lists people and organizations who can help you. Keep it somewhere safe. You can call your caseworker with any question.',
  referredTo: 'You are referred to',
  organizationsHeading: 'Organizations that can help',
  organizationsNote:
    'Organizations serving your province, and national ones. Those speaking your languages come first.',
  languagesSpoken: 'Languages',
  website: 'Website',
  phone: 'Phone',
  nationalOrganization: 'Across Canada',
  resourcesHeading: 'Background information',
  bringHeading: 'What to bring to a first meeting',
  bring: [
    'Any identity documents you have (passport, national identity card, birth certificate), or copies.',
    'Letters and forms from immigration authorities, the IRB or the CBSA, with their dates.',
    'Any notice of a hearing or of a removal date.',
    'Medical or psychological reports, if you have them and want to share them.',
    'A list of questions you want to ask, and the name of a person you trust who can come with you.',
    'If you need an interpreter, say so when you book the meeting.',
  ],
  mpRecipientLabel: 'Member of Parliament',
  /** The letter to an MP; `{mp}` is the MP's name as typed. The survivor's details follow, as consent allows. */
  mpLetter: [
    'Dear {mp},',
    'I am writing on behalf of the Canadian Centre for International Justice about a person in your riding who survived grave human rights violations and now needs protection and justice in Canada.',
    'We ask for your help: please raise this case with Immigration, Refugees and Citizenship Canada and the Canada Border Services Agency, and support a fair and timely decision. The details the person agreed to share are below.',
    'We would welcome a reply from your office to the caseworker named in this letter.',
  ],
  field: {
    name: 'Name',
    original_script_name: 'Name in original script',
    date_of_birth: 'Date of birth',
    gender_pronouns: 'Gender and pronouns',
    country_of_origin: 'Country of origin',
    location: 'Lives in',
    immigration_status: 'Immigration status in Canada',
    languages: 'Languages',
    legal_needs: 'Legal help needed',
    key_dates: 'Key dates',
    phone: 'Phone',
    email: 'Email',
    safe_contact: 'How to reach them safely',
    experiences: 'Experiences',
    adverse_parties: 'Alleged perpetrators and other adverse parties',
    narrative: 'Their account',
  } satisfies Record<TPacketField, string>,
  preferred: 'preferred',
  interpreterNeeded: 'Needs an interpreter',
  dialect: 'dialect',
  age: 'about {age} years old',
  hearingDate: 'Hearing: {date}',
  removalDate: 'Removal: {date}',
  detained: 'Detained',
  detainedAt: 'Detained at {place}',
  atAirport: 'At an airport now',
  safeTimes: 'Safe times: {times}',
  voicemail: 'Safe to leave a voicemail: {answer}',
  where: 'where: {where}',
  when: 'when: {when}',
  legalNeed: {
    refugee_claim: 'Refugee claim / IRB hearing',
    detention_review: 'Detention review',
    removal_prra: 'Removal / PRRA',
    federal_court: 'Federal Court review',
    family_reunification: 'Family reunification',
    criminal_complaint: 'Criminal complaint / universal jurisdiction',
    civil_claim: 'Civil claim',
    airport_support: 'Airport / port-of-entry support',
    other: 'Other',
  } satisfies Record<TLegalNeed, string>,
  experience: {
    torture: 'Torture',
    war_crimes: 'War crimes',
    genocide: 'Genocide',
    crimes_against_humanity: 'Crimes against humanity',
    sexual_violence: 'Sexual violence in conflict',
    enforced_disappearance: 'Enforced disappearance',
    other: 'Other',
  } satisfies Record<TExperience, string>,
  immigrationStatus: {
    refugee_claimant: 'Refugee claimant',
    protected_person: 'Protected person',
    permanent_resident: 'Permanent resident',
    citizen: 'Canadian citizen',
    temporary_resident: 'Temporary resident (visitor, student, worker)',
    no_status: 'No status',
    other: 'Other',
    unknown: 'Does not know',
    prefer_not_to_say: 'Prefers not to say',
  } satisfies Record<TImmigrationStatus, string>,
  province: {
    AB: 'Alberta',
    BC: 'British Columbia',
    MB: 'Manitoba',
    NB: 'New Brunswick',
    NL: 'Newfoundland and Labrador',
    NS: 'Nova Scotia',
    NT: 'Northwest Territories',
    NU: 'Nunavut',
    ON: 'Ontario',
    PE: 'Prince Edward Island',
    QC: 'Quebec',
    SK: 'Saskatchewan',
    YT: 'Yukon',
  } satisfies Record<TProvince, string>,
  contactMethod: {
    phone_call: 'Phone call',
    text_message: 'Text message',
    email: 'Email',
    in_person: 'In person',
    through_trusted_person: 'Through a trusted person',
    other: 'Other',
  } satisfies Record<TContactMethod, string>,
  answer: {
    yes: 'Yes',
    no: 'No',
    unknown: 'Does not know',
    prefer_not_to_say: 'Prefers not to say',
  } satisfies Record<TAnswer, string>,
  gender: {
    woman: 'Woman',
    man: 'Man',
    non_binary: 'Non-binary',
    self_described: 'Self-described',
    prefer_not_to_say: 'Prefers not to say',
  } satisfies Record<TGender, string>,
  adversePartyKind: {
    person: 'Person',
    unit: 'Military or police unit',
    organization: 'Organization or armed group',
    state: 'State',
  } satisfies Record<TAdversePartyKind, string>,
}

/**
 * Version 2 lists the organizations matching ranks for the survivor, then the others near them, under a heading of
 * their own; version 1 had one list (a reprint of a version-1 packet keeps one list under its one heading).
 */
type TOtherOrganizationTexts = { otherOrganizationsHeading: string; otherOrganizationsNote: string }

export type TPacketTexts = typeof en & Partial<TOtherOrganizationTexts>

/** Version 1, as shipped until the French review. */
const fr: TPacketTexts = {
  organization: 'Centre canadien pour la justice internationale',
  organizationShort: 'CCJI',
  colon: '\u00a0: ',
  confidential: 'Confidentiel',
  disclaimer:
    'Ce document ne constitue pas un avis juridique. Il s’agit d’une recommandation préparée par l’équipe du CCJI pour mettre une personne survivante en contact avec de l’aide.',
  footerPacket: 'Trousse',
  footerPage: 'Page',
  footerOf: 'de',
  date: 'Date',
  reference: 'Dossier',
  to: 'À',
  from: 'De',
  caseworker: 'Votre intervenant·e au CCJI',
  survivorDetails: 'La personne recommandée',
  noDetails: 'Cette trousse ne contient aucun renseignement personnel.',
  none: 'Non précisé',
  title: {
    survivor: 'Vos renseignements de recommandation',
    lawyer: 'Recommandation à un·e avocat·e',
    organization: 'Recommandation à un organisme',
    mp: 'Lettre à un·e député·e',
  },
  lawyerIntro:
    'Merci de votre engagement bénévole auprès du CCJI. Nous vous recommandons la personne décrite ci-dessous, qui a survécu à de graves violations des droits de la personne et a besoin d’aide juridique au Canada.',
  lawyerConflictCleared:
    'Vous avez confirmé n’avoir aucun conflit d’intérêts avec cette personne ni avec les parties nommées dans son dossier.',
  lawyerConflictPending:
    'Les renseignements identificatoires sont retenus jusqu’à ce que vous confirmiez n’avoir aucun conflit d’intérêts avec cette personne.',
  organizationIntro:
    'Le CCJI vous recommande, avec son consentement, la personne décrite ci-dessous pour les services qu’offre votre organisme.',
  closing: 'Avec nos remerciements,',
  contactUs: 'Veuillez répondre à l’intervenant·e nommé·e dans cette trousse.',
  survivorIntro:
    'Cette feuille présente des personnes et des organismes qui peuvent vous aider. Gardez-la en lieu sûr. Vous pouvez appeler votre intervenant·e pour toute question.',
  referredTo: 'Vous êtes recommandé·e à',
  organizationsHeading: 'Organismes qui peuvent vous aider',
  organizationsNote:
    'Organismes de votre province et organismes nationaux. Ceux qui parlent vos langues figurent en premier.',
  languagesSpoken: 'Langues',
  website: 'Site Web',
  phone: 'Téléphone',
  nationalOrganization: 'Partout au Canada',
  resourcesHeading: 'Information générale',
  bringHeading: 'Quoi apporter à une première rencontre',
  bring: [
    'Vos pièces d’identité (passeport, carte d’identité nationale, acte de naissance), ou des copies.',
    'Les lettres et formulaires des autorités de l’immigration, de la CISR ou de l’ASFC, avec leurs dates.',
    'Tout avis d’audience ou de date de renvoi.',
    'Vos rapports médicaux ou psychologiques, si vous en avez et souhaitez les communiquer.',
    'La liste de vos questions, et le nom d’une personne de confiance qui peut vous accompagner.',
    'Si vous avez besoin d’un·e interprète, dites-le au moment de prendre rendez-vous.',
  ],
  mpRecipientLabel: 'Député·e',
  mpLetter: [
    'Bonjour {mp},',
    'Je vous écris au nom du Centre canadien pour la justice internationale au sujet d’une personne de votre circonscription qui a survécu à de graves violations des droits de la personne et qui a aujourd’hui besoin de protection et de justice au Canada.',
    'Nous sollicitons votre aide\u00a0: veuillez porter ce dossier à l’attention d’Immigration, Réfugiés et Citoyenneté Canada et de l’Agence des services frontaliers du Canada, et appuyer une décision juste et rapide. Les renseignements que la personne a accepté de communiquer figurent ci-dessous.',
    'Une réponse de votre bureau, adressée à l’intervenant·e nommé·e dans cette lettre, serait la bienvenue.',
  ],
  field: {
    name: 'Nom',
    original_script_name: 'Nom dans l’écriture d’origine',
    date_of_birth: 'Date de naissance',
    gender_pronouns: 'Genre et pronoms',
    country_of_origin: 'Pays d’origine',
    location: 'Lieu de résidence',
    immigration_status: 'Statut d’immigration au Canada',
    languages: 'Langues',
    legal_needs: 'Aide juridique requise',
    key_dates: 'Dates importantes',
    phone: 'Téléphone',
    email: 'Courriel',
    safe_contact: 'Comment la joindre en sécurité',
    experiences: 'Expériences vécues',
    adverse_parties: 'Auteurs présumés et autres parties adverses',
    narrative: 'Son récit',
  },
  preferred: 'préférée',
  interpreterNeeded: 'A besoin d’un·e interprète',
  dialect: 'dialecte',
  age: 'environ {age}\u00a0ans',
  hearingDate: 'Audience\u00a0: {date}',
  removalDate: 'Renvoi\u00a0: {date}',
  detained: 'En détention',
  detainedAt: 'En détention à {place}',
  atAirport: 'À l’aéroport en ce moment',
  safeTimes: 'Moments sûrs\u00a0: {times}',
  voicemail: 'Message vocal sans risque\u00a0: {answer}',
  where: 'lieu\u00a0: {where}',
  when: 'moment\u00a0: {when}',
  legalNeed: {
    refugee_claim: 'Demande d’asile / audience de la CISR',
    detention_review: 'Contrôle des motifs de détention',
    removal_prra: 'Renvoi / ERAR',
    federal_court: 'Contrôle judiciaire à la Cour fédérale',
    family_reunification: 'Réunification familiale',
    criminal_complaint: 'Plainte pénale / compétence universelle',
    civil_claim: 'Poursuite civile',
    airport_support: 'Soutien à l’aéroport / au point d’entrée',
    other: 'Autre',
  },
  experience: {
    torture: 'Torture',
    war_crimes: 'Crimes de guerre',
    genocide: 'Génocide',
    crimes_against_humanity: 'Crimes contre l’humanité',
    sexual_violence: 'Violence sexuelle liée aux conflits',
    enforced_disappearance: 'Disparition forcée',
    other: 'Autre',
  },
  immigrationStatus: {
    refugee_claimant: 'Demandeur·euse d’asile',
    protected_person: 'Personne protégée',
    permanent_resident: 'Résident·e permanent·e',
    citizen: 'Citoyen·ne canadien·ne',
    temporary_resident: 'Résident·e temporaire (visiteur·euse, étudiant·e, travailleur·euse)',
    no_status: 'Sans statut',
    other: 'Autre',
    unknown: 'Ne sait pas',
    prefer_not_to_say: 'Préfère ne pas répondre',
  },
  province: {
    AB: 'Alberta',
    BC: 'Colombie-Britannique',
    MB: 'Manitoba',
    NB: 'Nouveau-Brunswick',
    NL: 'Terre-Neuve-et-Labrador',
    NS: 'Nouvelle-Écosse',
    NT: 'Territoires du Nord-Ouest',
    NU: 'Nunavut',
    ON: 'Ontario',
    PE: 'Île-du-Prince-Édouard',
    QC: 'Québec',
    SK: 'Saskatchewan',
    YT: 'Yukon',
  },
  contactMethod: {
    phone_call: 'Appel téléphonique',
    text_message: 'Message texte',
    email: 'Courriel',
    in_person: 'En personne',
    through_trusted_person: 'Par une personne de confiance',
    other: 'Autre',
  },
  answer: {
    yes: 'Oui',
    no: 'Non',
    unknown: 'Ne sait pas',
    prefer_not_to_say: 'Préfère ne pas répondre',
  },
  gender: {
    woman: 'Femme',
    man: 'Homme',
    non_binary: 'Non binaire',
    self_described: 'Autodéfini',
    prefer_not_to_say: 'Préfère ne pas répondre',
  },
  adversePartyKind: {
    person: 'Personne',
    unit: 'Unité militaire ou policière',
    organization: 'Organisation ou groupe armé',
    state: 'État',
  },
}

/**
 * Version 2: the French review (docs/french.md). A referral is an « aiguillage » and the person is « adressée » to
 * the recipient (« recommandation » read as a testimonial), the adverse parties' heading in its inclusive form,
 * and « Ce qu’il faut apporter » rather than « Quoi apporter ». Both languages: the organizations matching ranks, then the others near the survivor.
 */
const frV2: TPacketTexts = {
  ...fr,
  organizationsNote:
    'Choisis pour vous\u00a0: ils servent votre province ou tout le Canada et répondent à vos besoins. Les mieux adaptés figurent en premier.',
  otherOrganizationsHeading: 'Autres organismes près de chez vous',
  otherOrganizationsNote:
    'Ils servent votre province ou tout le Canada, mais pas pour les besoins que vous nous avez indiqués. Ceux qui parlent vos langues figurent en premier.',
  disclaimer:
    'Ce document ne constitue pas un avis juridique. Il s’agit d’un aiguillage préparé par l’équipe du CCJI pour mettre une personne survivante en contact avec de l’aide.',
  survivorDetails: 'La personne que nous vous adressons',
  title: {
    survivor: 'Vos renseignements d’aiguillage',
    lawyer: 'Aiguillage vers un·e avocat·e',
    organization: 'Aiguillage vers un organisme',
    mp: 'Lettre à un·e député·e',
  },
  lawyerIntro:
    'Merci de votre engagement bénévole auprès du CCJI. Nous vous adressons la personne décrite ci-dessous, qui a survécu à de graves violations des droits de la personne et a besoin d’aide juridique au Canada.',
  lawyerConflictPending:
    'Les renseignements permettant d’identifier la personne sont retenus jusqu’à ce que vous confirmiez n’avoir aucun conflit d’intérêts avec elle.',
  organizationIntro:
    'Le CCJI vous adresse, avec son consentement, la personne décrite ci-dessous pour les services qu’offre votre organisme.',
  referredTo: 'Vous êtes aiguillé·e vers',
  bringHeading: 'Ce qu’il faut apporter à une première rencontre',
  field: { ...fr.field, adverse_parties: 'Auteur·rices présumé·es et autres parties adverses' },
}

/** Version 2 in English: the organizations matching ranks, then the others near the survivor. */
const enV2: TPacketTexts = {
  ...en,
  organizationsNote:
    'Chosen for you: they serve your province or all of Canada and help with what you need. The best suited come first.',
  otherOrganizationsHeading: 'Other organizations near you',
  otherOrganizationsNote:
    'They serve your province or all of Canada, but not for the needs you told us about. Those speaking your languages come first.',
}

/** Every shipped version of the texts, by number: never edited, only added to. */
const versions: Readonly<Record<number, Readonly<Record<TPacketLanguage, TPacketTexts>>>> = {
  1: { en, fr },
  2: { en: enV2, fr: frV2 },
}

/** The versions a packet record may name, oldest first. */
export const PACKET_TEXT_VERSIONS: readonly number[] = Object.keys(versions).map(Number)

/**
 * The packet texts in one language: the current version, or for a reprint the version the packet printed with.
 * A version this app does not ship (a record from a newer app) is refused rather than reprinted in other words.
 */
export function packetTexts(
  language: TPacketLanguage,
  version: number = PACKET_TEMPLATE_VERSION,
): TPacketTexts {
  const texts = versions[version]
  if (texts === undefined) {
    throw new AppError('BAD_REQUEST', `There is no version ${version} of the packet texts in this app.`, {
      field: 'templateVersion',
    })
  }
  return texts[language]
}

/** Fills `{name}` placeholders of a packet text. */
export const fillText = (text: string, values: Record<string, string>): string =>
  text.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match)
