/** Referral packets and letters: the dialog that makes one from a case. */
export { PacketDialog } from './PacketDialog'
