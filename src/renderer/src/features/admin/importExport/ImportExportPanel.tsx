import { useTranslation } from 'react-i18next'
import { ExportSection } from './ExportSection'
import { ImportSection } from './ImportSection'
import './ImportExport.css'

/** Admin › Import & export: intakes in from a CSV file (checked first, all or nothing) and out to one. */
export function ImportExportPanel() {
  const { t } = useTranslation()
  return (
    <div className="admin-section">
      <div className="admin-section__header">
        <div>
          <h2 className="admin-section__title">{t('importExport.heading')}</h2>
          <p className="admin-section__lede">{t('importExport.lede')}</p>
        </div>
      </div>
      <div className="import-export">
        <ImportSection />
        <ExportSection />
      </div>
    </div>
  )
}
