/**
 * What a speaker label says about the speaker, once the label is cut out of its line:
 *
 *   Dana Ortiz (CFO, Acme)      name, title `CFO`, company `Acme`
 *   Sophie Tremblay (ClauseCraft)  name, title and company `ClauseCraft`
 *   Sam Whitaker - AE           name, title `AE` (also ` | `, ` – `, `, ` separators)
 *   Kim Alvarez (00:12)         name and start
 *   Customer (Ops)              a role label: the qualifier stays in the name (two customers)
 *   AE (Brooke Lin)             a role with the person's name: name `Brooke Lin`, title `AE`
 */
import { trailingStamp } from './clock.ts';
import { isGenericSpeaker, isNameLike } from './names.ts';
import { hasRoleWords, isCompanyName, isRoleLabel } from './roles.ts';

export interface LabelParts {
  name: string;
  title: string | null;
  /** The company, when a part of the label reads as one rather than as a job title. */
  org: string | null;
  start: number | null;
}

const ROLE_SEPARATORS = [' - ', ' – ', ' — ', ' | ', ', '];

export function splitLabel(raw: string): LabelParts | null {
  let s = raw.trim();
  let start: number | null = null;
  const ts = trailingStamp(s);
  if (ts) {
    start = ts.start;
    s = s.slice(0, ts.at).trim();
  }
  let about: { title: string | null; org: string | null } | null = null;
  if (s.endsWith(')')) {
    const open = s.lastIndexOf('(');
    if (open <= 0) return null;
    const before = s.slice(0, open).trim();
    const inner = s.slice(open + 1, -1).trim();
    if (isRoleLabel(before)) {
      if (isPersonName(inner)) return { name: inner, title: before, org: null, start };
      return { name: inner ? `${before} (${inner})` : before, title: null, org: null, start };
    }
    about = describeRole(inner);
    s = before;
  }
  if (about === null && !isGenericSpeaker(s)) {
    for (const sep of ROLE_SEPARATORS) {
      const i = s.indexOf(sep);
      if (i > 0) {
        about = describeRole(s.slice(i + sep.length));
        s = s.slice(0, i).trim();
        break;
      }
    }
  }
  return s ? { name: s, title: about?.title ?? null, org: about?.org ?? null, start } : null;
}

/** `CFO, Acme` -> title `CFO`, org `Acme`; a lone company is also the title (the schema has no org). */
export function describeRole(text: string): { title: string | null; org: string | null } {
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  const org = parts.find(isCompanyName) ?? null;
  return { title: parts.find((p) => p !== org) ?? org, org };
}

/** `Brooke Lin` in `AE (Brooke Lin)`: two or more name words, none of them a role, team or company word. */
function isPersonName(s: string): boolean {
  return s.includes(' ') && isNameLike(s) && !isGenericSpeaker(s) && !hasRoleWords(s);
}
