'use client';

import { useEffect, useState } from 'react';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/**
 * "3 minutes ago" for a past time in the reader's locale. Times in the future (a browser clock behind
 * the server's) and the last minute both read as "now" (zero seconds with `numeric: 'auto'`), never
 * "in 3 minutes" or "in 5 seconds" for something just written.
 */
export function relativeText(iso: string, now: number, locale?: string): string {
  const seconds = Math.min(0, Math.round((new Date(iso).getTime() - now) / 1000));
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (-seconds >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, 'second');
}

/**
 * The server renders the exact UTC time (no hydration mismatch); after mount this turns it into
 * "3 minutes ago" in the reader's locale, with the full local time on hover, refreshed each minute.
 */
export function RelativeTime({ iso }: { iso: string }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 60_000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, []);
  const utc = iso.replace('T', ' ').slice(0, 16) + ' UTC';
  return (
    <time dateTime={iso} title={now === null ? utc : new Date(iso).toLocaleString()}>
      {now === null ? utc : relativeText(iso, now)}
    </time>
  );
}
