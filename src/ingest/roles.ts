/**
 * Job roles: the one place that knows which roles sit on which side of a deal, and how to tell a
 * job title from a company name. Used for speaker labels that are only a role (`AE:`,
 * `Customer (Ops):`, `Buyer 2:`) and for titles from any source (a label, an attendee list, a
 * JSON participant).
 *
 * A role decides a side only when it is the whole label or title, up to a seniority word, a number
 * or a parenthesised qualifier: `Senior AE` and `Account Exec 2` are sellers, `VP Sales` is not (a
 * buyer has sales people too).
 */
import type { Side } from '../../schemas/transcript.ts';

const SELLER_ROLES = [
  'ae', 'account exec', 'account executive', 'account manager',
  'se', 'solutions engineer', 'solution engineer', 'solutions eng', 'sales engineer', 'sales eng',
  'solutions consultant', 'solution consultant', 'presales', 'pre-sales', 'presales engineer', 'pre-sales engineer',
  'rep', 'sales rep', 'sales representative', 'sales', 'seller', 'vendor',
  'csm', 'customer success', 'customer success manager',
  'sdr', 'bdr', 'sales development rep', 'sales development representative', 'business development rep', 'business development representative',
];
const BUYER_ROLES = ['customer', 'client', 'prospect', 'buyer'];

const ROLE_SIDE = new Map<string, Side>([
  ...SELLER_ROLES.map((r): [string, Side] => [r, 'seller']),
  ...BUYER_ROLES.map((r): [string, Side] => [r, 'buyer']),
]);

/** Words that qualify a role without changing its side (`Senior AE`, `Enterprise Account Exec`). */
const SENIORITY = new Set([
  'senior', 'sr', 'junior', 'jr', 'lead', 'principal', 'staff', 'associate', 'enterprise', 'strategic', 'commercial',
  'mid-market', 'midmarket', 'smb', 'regional', 'global', 'field', 'inside', 'outside', 'named', 'key', 'our', 'the',
]);

/** The role part of a label: `Customer (Ops)` -> `Customer`, `Buyer 2` -> `Buyer`, `Rep_1` -> `Rep`. */
function roleBase(label: string): string {
  let s = label.trim();
  if (s.endsWith(')')) {
    const open = s.lastIndexOf('(');
    if (open > 0) s = s.slice(0, open).trim();
  }
  const words = s.split(/[\s_]+/);
  const last = words[words.length - 1] ?? '';
  if (words.length > 1 && (/^\d{1,3}$/.test(last) || /^[A-Za-z]$/.test(last))) words.pop();
  else if (words.length === 1 && /^\p{L}+-?\d{1,3}$/u.test(last)) words[0] = last.replace(/-?\d+$/, '');
  return words.join(' ');
}

/** The side a role stands for, when `label` is (a qualified form of) one of the known roles. */
export function roleSide(label: string | null | undefined): Side | null {
  if (!label || label.length > 60) return null;
  const words = roleBase(label).toLowerCase().replace(/\./g, '').split(/\s+/).filter(Boolean);
  let i = 0;
  while (i < words.length - 1 && SENIORITY.has(words[i]!)) i++;
  return ROLE_SIDE.get(words.slice(i).join(' ')) ?? null;
}

/**
 * Whether a speaker label names a role instead of a person (`AE`, `Customer (Finance)`, `Buyer 2`).
 * A qualified role keeps its qualifier in the speaker name: two `Customer (X)` are two people.
 */
export function isRoleLabel(label: string): boolean {
  return /^\p{Lu}/u.test(label.trim()) && roleSide(label) !== null;
}

/** Words that make a phrase a job title (`VP Technical Ops`, `Head of Finance`, `Dir. Planning`). */
const TITLE_HEADS = new Set([
  'ceo', 'cfo', 'cto', 'coo', 'cio', 'ciso', 'cmo', 'cro', 'cpo', 'chro', 'cso', 'cdo', 'cco', 'cmio', 'vp', 'svp', 'evp',
  'avp', 'gm', 'md', 'chief', 'president', 'founder', 'cofounder', 'co-founder', 'owner', 'partner', 'principal', 'director',
  'dir', 'head', 'manager', 'mgr', 'lead', 'officer', 'engineer', 'eng', 'analyst', 'architect', 'consultant', 'counsel',
  'attorney', 'lawyer', 'paralegal', 'controller', 'comptroller', 'treasurer', 'accountant', 'bookkeeper', 'coordinator',
  'specialist', 'administrator', 'admin', 'associate', 'assistant', 'supervisor', 'superintendent', 'foreman', 'planner',
  'scientist', 'developer', 'designer', 'recruiter', 'clerk', 'agent', 'technician', 'intern', 'chair', 'chairman',
  'secretary', 'editor', 'producer', 'professor', 'dean', 'nurse', 'physician', 'doctor', 'dr', 'surgeon', 'pharmacist',
  'buyer', 'purchaser', 'operator', 'executive', 'exec', 'rep', 'representative', 'member', 'board', 'trustee',
]);

/** Departments and qualifiers: a phrase of these only is a title or a team, not a company. */
const DEPARTMENT_WORDS = new Set([
  'finance', 'financial', 'ops', 'operations', 'it', 'hr', 'people', 'legal', 'procurement', 'purchasing', 'sales',
  'marketing', 'product', 'engineering', 'security', 'infosec', 'data', 'analytics', 'technical', 'technology', 'tech',
  'maintenance', 'planning', 'plant', 'facilities', 'logistics', 'supply', 'chain', 'quality', 'compliance', 'risk',
  'audit', 'revenue', 'clinical', 'medical', 'nursing', 'research', 'support', 'success', 'customer', 'service',
  'services', 'strategy', 'business', 'development', 'corporate', 'regional', 'global', 'senior', 'sr', 'junior', 'jr',
  'deputy', 'acting', 'interim', 'executive', 'general', 'accounts', 'payable', 'receivable', 'payroll', 'treasury',
  'tax', 'infrastructure', 'platform', 'network', 'systems', 'admin', 'administration', 'office', 'fleet', 'dispatch',
  'warehouse', 'production', 'manufacturing', 'design', 'ux', 'qa', 'devops', 'cloud', 'ai', 'ml', 'project', 'program',
  'programme', 'portfolio', 'contracts', 'partnerships', 'enterprise', 'commercial', 'team', 'dept', 'department',
]);

/** Words ending a company name (`Harbourview Legal`, `Acme Corp`, `Northgate Partners`). */
const COMPANY_SUFFIXES = new Set([
  'inc', 'llc', 'llp', 'ltd', 'limited', 'corp', 'corporation', 'co', 'company', 'gmbh', 'ag', 'sa', 'sas', 'bv', 'nv',
  'plc', 'pty', 'group', 'holdings', 'labs', 'legal', 'law', 'partners', 'health', 'healthcare', 'bank', 'capital',
  'systems', 'technologies', 'software', 'solutions', 'logistics', 'industries', 'foods', 'hotels', 'motors', 'energy',
  'ventures', 'consulting', 'media', 'studios', 'networks', 'pharma', 'insurance', 'airlines', 'university', 'hospital',
]);
const CONNECTORS = new Set(['of', 'and', '&', 'the', 'de', 'for']);

function wordKey(w: string): string {
  return w.toLowerCase().replace(/[.,'’]/g, '');
}

/**
 * Whether a label's parenthesised or trailing part names a company (`ClauseCraft`, `Harbourview
 * Legal`, `Acme`) rather than a job title or team (`CFO`, `Technical Ops`, `Finance`).
 */
export function isCompanyName(s: string): boolean {
  const words = s.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 5 || roleSide(s) !== null) return false;
  if (!words.every((w) => /^[\p{Lu}\d&]/u.test(w) || CONNECTORS.has(w.toLowerCase()))) return false;
  const keys = words.map(wordKey);
  if (keys.some((k) => TITLE_HEADS.has(k))) return false;
  const unknown = keys.filter((k) => !DEPARTMENT_WORDS.has(k) && !CONNECTORS.has(k) && !COMPANY_SUFFIXES.has(k));
  if (unknown.length === 0) return false;
  const camel = words.some((w) => /^\p{Lu}\p{Ll}+\p{Lu}/u.test(w));
  if (camel || (words.length > 1 && COMPANY_SUFFIXES.has(keys[keys.length - 1]!))) return true;
  return keys.every((k) => !DEPARTMENT_WORDS.has(k));
}

/** Whether any word of `s` is a job-title, department or company word (so it is not a person's name). */
export function hasRoleWords(s: string): boolean {
  return s.split(/\s+/).some((w) => {
    const k = wordKey(w);
    return TITLE_HEADS.has(k) || DEPARTMENT_WORDS.has(k) || COMPANY_SUFFIXES.has(k) || ROLE_SIDE.has(k);
  });
}

/** Whether `s` ends with a job-title word (`Facilities Coordinator`, `Dir.`, `IT mgr`). */
export function endsWithTitleWord(s: string): boolean {
  const words = s.trim().split(/\s+/);
  return TITLE_HEADS.has(wordKey(words[words.length - 1] ?? ''));
}

/** Key under which company spellings match: `Acme Corp.`, `ACME` and `acme.com` are one company. */
export function companyKey(s: string): string {
  const words = s.toLowerCase().split(/[\s.,]+/).filter(Boolean);
  while (words.length > 1 && COMPANY_SUFFIXES.has(words[words.length - 1]!)) words.pop();
  return words.join('').replace(/[^\p{L}\p{N}]/gu, '');
}
