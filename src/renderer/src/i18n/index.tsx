/**
 * The UI's language: a context holding the current table and a `t` function
 * that looks a dotted key up and fills in `{name}` values.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { fillTemplate } from '../../../shared/excel-messages';
import { formats, type Formats } from '../format';
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

/** Fills `{name}` in a template with `values`; a name without a value stays as it is. */
export const fill = (template: string, values?: Record<string, string | number>): string =>
  fillTemplate(template, values);

/** Builds the `t` function of one language. */
export function translator(language: Language): Translate {
  const table = LANGUAGES[language];
  return (key, values) => fill(lookup(table, key), values);
}

/** Things counted in the UI, each with its singular and plural. */
export type Unit = keyof Translations['units'];

interface I18n {
  language: Language;
  /** `n` of a unit, as a phrase with the language's plural: "1 worker", "4 workers", "1.048.575 filas". */
  count: (unit: Unit, n: number) => string;
  /** Numbers, sizes and ratios as this language writes them. */
  format: Formats;
  setLanguage: (language: Language) => void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

const isLanguage = (value: unknown): value is Language => value === 'es' || value === 'en';

/** `?lang=` in the address, which wins over what was saved. */
export function askedLanguage(): Language | null {
  const asked = new URLSearchParams(window.location.search).get('lang');
  return isLanguage(asked) ? asked : null;
}

/** `?lang=` first, then the system's; what the lab remembers is applied once it arrives (see App). */
function initialLanguage(): Language {
  return askedLanguage() ?? (navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en');
}

export function I18nProvider({ children }: { children: ReactNode }): ReactNode {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  useEffect(() => {
    // Screen readers and hyphenation follow <html lang>.
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo(() => {
    const t = translator(language);
    const format = formats(language);
    const plural = new Intl.PluralRules(format.locale);
    // Spanish has a "many" category for large round numbers; its words are the plural's.
    const count = (unit: Unit, n: number): string =>
      t(`units.${unit}.${plural.select(n) === 'one' ? 'one' : 'other'}`, { n: format.count(n) });
    return { language, setLanguage, t, format, count };
  }, [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n needs an I18nProvider above it');
  return context;
}
