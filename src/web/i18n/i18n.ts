import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { commonMessages } from './common.messages';
import type { Messages } from './messages';

export const languages = ['ja', 'en'] as const;
export type Language = (typeof languages)[number];

export type { Messages } from './messages';

const storageKey = 'zaitaku.language';

function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return stored === 'en' ? 'en' : 'ja';
  } catch {
    // Private browsing may forbid storage; Japanese is the default for everyone.
    return 'ja';
  }
}

function applyDocumentLanguage(language: string): void {
  document.documentElement.lang = language === 'en' ? 'en' : 'ja';
}

/** Starts i18next with Japanese first; the stored choice (if any) wins. */
export function initI18n(): typeof i18next {
  const language = readStoredLanguage();
  i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'ja',
    supportedLngs: [...languages],
    defaultNS: 'common',
    ns: ['common'],
    resources: { ja: { common: commonMessages.ja }, en: { common: commonMessages.en } },
    // Resources are bundled, so init finishes before the first render (no flash of keys).
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: false, bindI18nStore: 'added' },
  });
  applyDocumentLanguage(language);
  i18next.on('languageChanged', applyDocumentLanguage);
  return i18next;
}

/** Switches the language and remembers it on this device. */
export function setLanguage(language: Language): void {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Not remembered, still switched.
  }
  void i18next.changeLanguage(language);
}

export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'ja';
}

/**
 * Adds a feature's messages under its own namespace (call at module level in the feature, so the
 * strings travel in the feature's lazy chunk, not in the public entry).
 */
export function registerMessages<T extends object>(namespace: string, messages: { ja: T; en: Messages<T> }) {
  if (i18next.hasResourceBundle('ja', namespace)) return;
  i18next.addResourceBundle('ja', namespace, messages.ja, true, true);
  i18next.addResourceBundle('en', namespace, messages.en, true, true);
}

/** The current language for code that formats dates or picks catalog messages. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'ja';
}
