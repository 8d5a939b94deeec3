import { FileTrigger } from 'react-aria-components'
import { Button } from '../../../ui'

/** An import card's file chooser: primary until a file is ready, then secondary beside the Import button. */
export function ChooseFileButton({
  acceptedFileTypes,
  label,
  isReady,
  isBusy,
  onSelect,
}: {
  acceptedFileTypes: string[]
  label: string
  isReady: boolean
  isBusy: boolean
  onSelect: (files: FileList | null) => Promise<void>
}) {
  return (
    <div className="admin-card__actions">
      <FileTrigger acceptedFileTypes={acceptedFileTypes} onSelect={(files) => void onSelect(files)}>
        <Button variant={isReady ? 'secondary' : 'primary'} isDisabled={isBusy}>
          {label}
        </Button>
      </FileTrigger>
    </div>
  )
}
