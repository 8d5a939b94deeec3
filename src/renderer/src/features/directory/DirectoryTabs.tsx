import { useTranslation } from 'react-i18next'
import { TabLinks } from '../../ui'

export type TDirectoryTab = 'organizations' | 'resources'

const TAB_PATHS: Record<TDirectoryTab, string> = {
  organizations: '/directory',
  resources: '/directory/resources',
}

/** The directory's two lists as links; the current one carries aria-current="page". */
export function DirectoryTabs({ current }: { current: TDirectoryTab }) {
  const { t } = useTranslation()
  const tabs = (Object.keys(TAB_PATHS) as TDirectoryTab[]).map((tab) => ({
    id: tab,
    href: TAB_PATHS[tab],
    label: t(`directory.tabs.${tab}`),
  }))
  return <TabLinks label={t('directory.tabs.label')} tabs={tabs} current={current} />
}
