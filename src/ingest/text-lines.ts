/** Line splitting and small markdown helpers shared by the text formats. */

/** Removes a byte-order mark; every parser starts from this. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function splitLines(text: string): string[] {
  return stripBom(text).split(/\r\n|\r|\n/);
}

const HEADING = /^#{1,6}(?:\s+|$)/;
const BULLET = /^(?:[-*+•▪◦‣–]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?/;
const RULE = /^(?:[-*_=]\s*){3,}$/;

export function isHeading(line: string): boolean {
  return HEADING.test(line.trim());
}

/** `---`, `***`, `===`: markdown horizontal rules and underlines. */
export function isRule(line: string): boolean {
  const t = line.trim();
  return t.length <= 200 && RULE.test(t);
}

export function stripHeading(line: string): string {
  return line.replace(HEADING, '');
}

/** Removes one leading list marker (`- `, `* `, `• `, `1. `, `2) `, `- [x] `). */
export function stripBullet(line: string): { text: string; bullet: boolean } {
  const m = BULLET.exec(line);
  return m ? { text: line.slice(m[0].length), bullet: true } : { text: line, bullet: false };
}

/** `**Context**` or `__Context__` as a whole line becomes `Context`; inline emphasis is kept. */
export function unwrapEmphasis(line: string): string {
  for (const mark of ['**', '__']) {
    if (line.length > 2 * mark.length && line.startsWith(mark) && line.endsWith(mark)) {
      const inner = line.slice(mark.length, -mark.length);
      if (!inner.includes(mark)) return inner.trim();
    }
  }
  return line;
}

/** Collapses runs of whitespace to one space and trims. */
export function squashSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export function hasWordChar(s: string): boolean {
  return /[\p{L}\p{N}]/u.test(s);
}

/** Strips leading and trailing markdown emphasis marks (`*`, `_`) without a regex. */
export function trimMarks(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && (s[a] === '*' || s[a] === '_')) a++;
  while (b > a && (s[b - 1] === '*' || s[b - 1] === '_')) b--;
  return s.slice(a, b);
}

/** Strips trailing sentence punctuation (`.`, `;`, `,`) without a regex. */
export function trimTrailingPunctuation(s: string): string {
  let b = s.length;
  while (b > 0 && (s[b - 1] === '.' || s[b - 1] === ';' || s[b - 1] === ',')) b--;
  return s.slice(0, b);
}
