/**
 * The UI's language: a context holding the current table and a `t` function
 * that looks a dotted key up and fills in `{name}` values.
 */
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { en, type Translations } from './en';
import { es } from './es';

export const LANGUAGES = { en, es } as const;
export type Language = keyof typeof LANGUAGES;

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every key of the table, checked by TypeScript at each call. */
export type TranslationKey = Leaves<Translations>;

export type Translate = (key: TranslationKey, values?: Record<string, string | number>) => string;

function lookup(table: Translations, key: string): string {
  let node: unknown = table;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' ? node : key;
}

/** Builds the `t` function of one language. */
export function translator(language: Language): Translate {
  const table = LANGUAGES[language];
  return (key, values) =>
    lookup(table, key).replace(/\{(\w+)\}/g, (match, name: string) =>
      values && name in values ? String(values[name]) : match,
    );
}

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  const asked = new URLSearchParams(window.location.search).get('lang');
  if (asked === 'es' || asked === 'en') return asked;
  return navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';
}

export function I18nProvider({ children }: { children: ReactNode }): ReactNode {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const value = useMemo(() => ({ language, setLanguage, t: translator(language) }), [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n needs an I18nProvider above it');
  return context;
}
