import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { TEMPLATE_LANGUAGES, type TIntakeCsvTemplate } from '../../../../../shared/contract/intake-csv'
import { api } from '../../../api'
import { saveTextFile } from '../../../lib/download'
import { useApiQuery } from '../../../lib/useApiQuery'
import { announce, Button, Loaded } from '../../../ui'
import { failureKey } from './failureKey'

/** What a column holds, in the interface language; a column this version has no words for shows a dash. */
const useColumnText = () => {
  const { t } = useTranslation()
  return (column: string) => t(`importExport.columns.${column}`, { defaultValue: '—' })
}

/**
 * The file's columns inside the app (header in the interface language, what it holds, the values it takes) and a
 * blank template to download: headers and one invented example row, which the import accepts as it is.
 */
export function ImportGuide() {
  const { t, i18n } = useTranslation()
  const language = TEMPLATE_LANGUAGES.find((code) => code === i18n.language) ?? 'en'
  const read = useCallback(() => api.intakeCsv.template({ language }), [language])
  const { load } = useApiQuery(read)
  const columnText = useColumnText()
  const download = (template: TIntakeCsvTemplate) => {
    saveTextFile(template.fileName, template.csv)
    announce(t('importExport.guide.downloaded', { fileName: template.fileName }))
  }
  return (
    <Loaded
      load={load}
      loadingLabel={t('importExport.guide.loading')}
      failedText={(error) => t(`importExport.failure.${failureKey(error)}`)}
    >
      {(template) => (
        <div className="import-export__guide">
          <div className="admin-card__actions">
            <Button variant="secondary" onPress={() => download(template)}>
              {t('importExport.guide.download')}
            </Button>
          </div>
          <details className="import-export__columns">
            <summary>{t('importExport.guide.columnsSummary', { count: template.columns.length })}</summary>
            <table className="import-export__preview-table">
              <thead>
                <tr>
                  <th scope="col">{t('importExport.guide.header')}</th>
                  <th scope="col">{t('importExport.guide.holds')}</th>
                </tr>
              </thead>
              <tbody>
                {template.columns.map(({ column, header }) => (
                  <tr key={column}>
                    <th scope="row">
                      <code>{header}</code>
                    </th>
                    <td>{columnText(column)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </div>
      )}
    </Loaded>
  )
}
