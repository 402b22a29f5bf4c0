import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { ProblemError } from '../lib/problem.ts';
import type { Interval } from './trends-schemas.ts';

/** A bucketed time window in a time zone; the SQL below turns it into local calendar buckets. */
export interface TrendWindow {
  interval: Interval;
  timezone: string;
  from: Date;
  to: Date;
}

const DAY = 86_400_000;
/** Default look-back when `from` is absent. */
const DEFAULT_SPAN: Record<Interval, number> = { day: 31 * DAY, week: 26 * 7 * DAY, month: 366 * DAY };
/** Longest window per interval: a bound on the number of buckets (about 1,100). */
const MAX_SPAN: Record<Interval, number> = { day: 1100 * DAY, week: 1100 * 7 * DAY, month: 1100 * 31 * DAY };
const STEP: Record<Interval, string> = { day: '1 day', week: '1 week', month: '1 month' };

const invalid = (path: string, message: string) =>
  new ProblemError('validation-error', `query field ${path}: ${message}`, { errors: [{ in: 'query', path, message }] });

/** The window of a request: `to` defaults to now, `from` to a span before `to` that suits the interval. */
export function trendWindow(q: { interval?: Interval; from?: string; to?: string }, timezone: string, now = new Date()): TrendWindow {
  const interval = q.interval ?? 'week';
  const to = q.to ? new Date(q.to) : now;
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - DEFAULT_SPAN[interval]);
  if (from.getTime() >= to.getTime()) throw invalid(q.from ? 'from' : 'to', 'must be before `to`');
  if (to.getTime() - from.getTime() > MAX_SPAN[interval]) {
    throw invalid('from', `the window holds more than 1,100 ${interval} buckets: choose a later \`from\` or a longer interval`);
  }
  return { interval, timezone, from, to };
}

/**
 * The buckets of a window as SQL: `buckets(local_start, start_at, end_at)` where local_start is
 * the bucket's start on the workspace's wall clock and start_at/end_at are instants. Generated on
 * the local calendar (so a day is 23 or 25 hours across a DST change), one row per bucket, empty
 * or not: a left join onto it keeps gaps as rows.
 */
export function bucketsCte(w: TrendWindow): SQL {
  const step = STEP[w.interval];
  return sql`
    bounds as (
      select date_trunc(${w.interval}, ${w.from.toISOString()}::timestamptz at time zone ${w.timezone}) as lo,
             date_trunc(${w.interval}, (${w.to.toISOString()}::timestamptz - interval '1 microsecond') at time zone ${w.timezone}) as hi
    ),
    buckets as (
      select g as local_start, g at time zone ${w.timezone} as start_at, (g + ${step}::interval) at time zone ${w.timezone} as end_at
      from bounds, generate_series(bounds.lo, bounds.hi, ${step}::interval) as g
    ),
    span as (select min(start_at) as lo, max(end_at) as hi from buckets)`;
}

/** A bucket key of an instant column, comparable with buckets.local_start. */
export function bucketOf(w: TrendWindow, column: SQL): SQL {
  return sql`date_trunc(${w.interval}, ${column} at time zone ${w.timezone})`;
}

/** An instant as ISO 8601 UTC text, the same on both drivers. */
export function isoText(column: SQL): SQL {
  return sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** Date formatters by time zone: building one costs far more than using it. */
const DATE_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** Today's date (YYYY-MM-DD) on the wall clock of `timezone`. */
export function localDate(timezone: string, now = new Date()): string {
  let format = DATE_FORMATS.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
    DATE_FORMATS.set(timezone, format);
  }
  const parts = format.formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** A timestamp from either driver (Date, or text) as ISO 8601, or null. */
export function toIso(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  const s = String(v);
  const d = new Date(/^\d{4}-\d{2}-\d{2} /.test(s) ? s.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00') : s);
  return Number.isNaN(d.getTime()) ? s : d.toISOString();
}
