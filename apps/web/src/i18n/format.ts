// Dates and numbers through Intl, in the UI language.
import { useTranslation } from 'react-i18next';
import { intlChoice } from './languages';

export interface Formatters {
  locale: string;
  date(iso: string | null | undefined): string;
  dateTime(iso: string | null | undefined): string;
  number(value: number): string;
  relative(iso: string): string;
}

export function formatters(language: string, now: () => number = Date.now): Formatters {
  const { locale, hasData, numberLocale } = intlChoice(language);
  // Without locale data (Macedonian and Albanian in Chromium), dates are written as numbers — d.m.yyyy, the order
  // both languages use — rather than with English month names.
  const pad = (n: number) => String(n).padStart(2, '0');
  const numericDate = { format: (d: Date) => `${d.getDate()}.${d.getMonth() + 1}.${d.getFullYear()}` };
  const numericDateTime = {
    format: (d: Date) => `${numericDate.format(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`,
  };
  const dateFmt = hasData ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }) : numericDate;
  const dateTimeFmt = hasData
    ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
    : numericDateTime;
  const numberFmt = new Intl.NumberFormat(numberLocale);
  const relativeFmt = hasData ? new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }) : null;
  const parse = (iso: string | null | undefined) => {
    if (!iso) return null;
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? null : d;
  };
  return {
    locale,
    date: (iso) => {
      const d = parse(iso);
      return d ? dateFmt.format(d) : '—';
    },
    dateTime: (iso) => {
      const d = parse(iso);
      return d ? dateTimeFmt.format(d) : '—';
    },
    number: (value) => numberFmt.format(value),
    relative: (iso) => {
      const d = parse(iso);
      if (!d) return '—';
      if (!relativeFmt) return dateTimeFmt.format(d);
      const seconds = Math.round((d.getTime() - now()) / 1000);
      const abs = Math.abs(seconds);
      if (abs < 60) return relativeFmt.format(seconds, 'second');
      if (abs < 3600) return relativeFmt.format(Math.round(seconds / 60), 'minute');
      if (abs < 86400) return relativeFmt.format(Math.round(seconds / 3600), 'hour');
      if (abs < 86400 * 30) return relativeFmt.format(Math.round(seconds / 86400), 'day');
      return dateFmt.format(d);
    },
  };
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return formatters(i18n.language);
}
