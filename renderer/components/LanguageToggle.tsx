import { useTranslation } from 'react-i18next';
import { isLanguage, switchLanguage } from '../i18n';

/** One button that switches between Chinese and English; its label names the other language. */
export function LanguageToggle() {
  const { t, i18n } = useTranslation();
  const current = isLanguage(i18n.language) ? i18n.language : 'zh-CN';
  const next = current === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <button type="button" className="button button--ghost" lang={next} aria-label={`${t('language.label')}: ${t('language.switchTo')}`} onClick={() => void switchLanguage(next)} data-testid="language-toggle">
      {t('language.switchTo')}
    </button>
  );
}
