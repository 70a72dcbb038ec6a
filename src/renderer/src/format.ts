/**
 * Numbers as the UI's language writes them (es-CL: 1.048.575 filas,
 * 30,52 MiB; en-US: 1,048,575 rows, 30.52 MiB). One unit style everywhere:
 * bytes in B, KiB or MiB (powers of two).
 */
import { MIB } from '../../shared/memory';
import type { Language } from './i18n';

export interface Formats {
  locale: string;
  /** A whole number with the language's grouping. */
  count(n: number): string;
  /** A number with exactly `digits` decimals. */
  fixed(n: number, digits: number): string;
  /** Bytes as B, KiB (one decimal) or MiB (two). */
  bytes(n: number): string;
  /** Bytes in MiB with two decimals; a dash where there is no figure. */
  mib(n: number | null | undefined): string;
  /** A ratio such as 4.00×; a dash where there is none. */
  times(n: number | null | undefined, digits?: number): string;
}

/** The formats of a language. */
export function formats(language: Language): Formats {
  const locale = language === 'es' ? 'es-CL' : 'en-US';
  const cache = new Map<number, Intl.NumberFormat>();
  const withDigits = (digits: number): Intl.NumberFormat => {
    let format = cache.get(digits);
    if (!format) {
      format = new Intl.NumberFormat(locale, {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
      cache.set(digits, format);
    }
    return format;
  };
  const fixed = (n: number, digits: number): string => withDigits(digits).format(n);
  return {
    locale,
    count: (n) => withDigits(0).format(n),
    fixed,
    bytes: (n) =>
      n >= MIB
        ? `${fixed(n / MIB, 2)} MiB`
        : n >= 1024
          ? `${fixed(n / 1024, 1)} KiB`
          : `${fixed(n, 0)} B`,
    mib: (n) => (n === null || n === undefined ? '—' : `${fixed(n / MIB, 2)} MiB`),
    times: (n, digits = 2) => (n === null || n === undefined ? '—' : `${fixed(n, digits)}×`),
  };
}
