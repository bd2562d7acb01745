/** Dates for people: locale formats, relative times, date inputs in UTC. */
const locale = () => (typeof navigator !== 'undefined' && navigator.language) || 'en-GB';

export const formatDateTime = (iso: string | null | undefined): string => {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
};

export const formatDate = (iso: string | null | undefined): string => {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(date);
};

/** "3 minutes ago" / "in 2 days". */
export const relativeTime = (iso: string | null | undefined, now = Date.now()): string => {
  if (!iso) return '';
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return '';
  const seconds = Math.round((time - now) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31536000],
    ['month', 2592000],
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
    ['second', 1],
  ];
  const format = new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size || unit === 'second') return format.format(Math.round(seconds / size), unit);
  }
  return '';
};

/** `yyyy-mm-dd` for an <input type="date"> from an ISO date-time (UTC day). */
export const toDateInput = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : '');

/** The end of the chosen day (UTC) as ISO, so "due 12 May" means by the end of 12 May. */
export const fromDateInput = (value: string): string | null => (value ? new Date(`${value}T23:59:59.000Z`).toISOString() : null);

/** The model uid of the content-manager page in the URL, e.g. api::article.article. */
export const modelFromLocation = (pathname: string = typeof window !== 'undefined' ? window.location.pathname : ''): string | null => {
  const match = /\/content-manager\/(?:collection-types|single-types)\/([^/?#]+)/.exec(pathname);
  return match ? decodeURIComponent(match[1]) : null;
};
