import { BusyIndicator } from '../../ui'
import { useBackupProgress } from './backup/useBackupProgress'

export type TRekeyProgressProps = {
  /** While the action that gives the vault new keys runs (disable, lower role, new recovery key). */
  isRunning: boolean
  /** What is happening, e.g. "Re-encrypting the vault under new keys…". */
  label: string
}

/**
 * How far the re-encryption under new keys has got: it copies both databases, so a large vault takes a while and
 * the person should see it move. The status region is always there, so the bar is announced when it appears.
 */
export function RekeyProgress({ isRunning, label }: TRekeyProgressProps) {
  const progress = useBackupProgress(isRunning)
  return (
    <div role="status" className="admin-dialog__progress">
      {isRunning ? <BusyIndicator label={label} progress={progress} /> : null}
    </div>
  )
}
