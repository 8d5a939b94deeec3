import { ToggleButton, ToggleButtonGroup, type Key } from 'react-aria-components'
import { useTranslation } from 'react-i18next'
import type { TLocale } from '../../../shared/contract/app'
import { isLocale, LOCALES } from '../i18n/i18n'
import { saveLocale } from './locale'

/**
 * English / Français as a radio group (arrow keys move between the two). Each language is written in itself
 * and marked with its own `lang`, so it is readable and pronounced correctly whatever the current language.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  const current = isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en'

  const onSelectionChange = (keys: Set<Key>) => {
    const [next] = [...keys]
    if (!isLocale(next) || next === current) return
    void i18n.changeLanguage(next)
    void saveLocale(next)
  }

  return (
    <ToggleButtonGroup
      aria-label={t('frame.languageLabel')}
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[current]}
      onSelectionChange={onSelectionChange}
      className="language-switch"
    >
      {LOCALES.map((locale: TLocale) => (
        <ToggleButton key={locale} id={locale} lang={locale} className="language-switch__option">
          {t(`language.${locale}`)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  )
}
