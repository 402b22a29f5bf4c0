import { ProblemError } from './problem.ts';

/** Keyset cursors: the sort key of the last row of a page, opaque to clients. */
export function encodeCursor(parts: string[]): string {
  return btoa(JSON.stringify(parts)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The parts of a cursor made by encodeCursor with `arity` parts, or a 422 problem naming `cursor`. */
export function decodeCursor(cursor: string, arity: number): string[] {
  try {
    const value: unknown = JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/')));
    if (Array.isArray(value) && value.length === arity && value.every((v) => typeof v === 'string')) return value as string[];
  } catch {
    // fall through to the problem below
  }
  throw new ProblemError('validation-error', 'query field cursor: not a cursor this API returned', {
    errors: [{ in: 'query', path: 'cursor', message: 'not a cursor this API returned' }],
  });
}

/** A (time, id) cursor, for lists ordered by time. */
export const timeCursor = {
  encode: (time: Date, id: string) => encodeCursor([time.toISOString(), id]),
  decode(cursor: string): { time: Date; id: string } {
    const [iso, id] = decodeCursor(cursor, 2) as [string, string];
    const time = new Date(iso);
    if (Number.isNaN(time.getTime())) return decodeCursor('', 2) as never;
    return { time, id };
  },
};
