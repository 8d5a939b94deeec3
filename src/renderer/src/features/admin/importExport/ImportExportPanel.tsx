import { AdminSection } from '../AdminSection'
import { CasesFileExportSection } from './CasesFileExportSection'
import { CasesFileImportSection } from './CasesFileImportSection'
import { ExportSection } from './ExportSection'
import { ImportSection } from './ImportSection'
import './ImportExport.css'

/** Admin › Import & export: intakes in from a CSV file (checked first, all or nothing) and out to one;
 * every case whole out to a cases file and in from one. */
export function ImportExportPanel() {
  return (
    <AdminSection tab="import-export">
      <div className="import-export">
        <ImportSection />
        <ExportSection />
        <CasesFileExportSection />
        <CasesFileImportSection />
      </div>
    </AdminSection>
  )
}
