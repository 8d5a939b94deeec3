import { useTranslation } from 'react-i18next'
import { AdminSection } from '../AdminSection'
import { ExportSection } from './ExportSection'
import { ImportSection } from './ImportSection'
import './ImportExport.css'

/** Admin › Import & export: intakes in from a CSV file (checked first, all or nothing) and out to one. */
export function ImportExportPanel() {
  const { t } = useTranslation()
  return (
    <AdminSection
      id="admin-import-export-heading"
      title={t('importExport.heading')}
      lede={t('importExport.lede')}
    >
      <div className="import-export">
        <ImportSection />
        <ExportSection />
      </div>
    </AdminSection>
  )
}
