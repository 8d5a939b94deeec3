/** Referral packets and letters: the dialog that makes one from a case. */
export { PacketDialog } from './PacketDialog'
/** The MP letter as admins word it (the admin settings page). */
export { MpLetterTemplateCard } from './MpLetterTemplateCard'
