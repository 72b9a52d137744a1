// Dates and numbers through Intl, in the UI language.
import { useTranslation } from 'react-i18next';
import { intlLocale } from './i18n';

export interface Formatters {
  locale: string;
  date(iso: string | null | undefined): string;
  dateTime(iso: string | null | undefined): string;
  number(value: number): string;
  relative(iso: string): string;
}

export function formatters(language: string, now: () => number = Date.now): Formatters {
  const locale = intlLocale(language);
  const dateFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTimeFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const numberFmt = new Intl.NumberFormat(locale);
  const relativeFmt = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
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
