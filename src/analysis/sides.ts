import type { Participant, Side, Transcript } from '../../schemas/transcript.ts';

/**
 * Which side each speaker is on. In order of trust:
 *  1. the participant's own `side` when it is buyer or seller;
 *  2. the email domain: one of the workspace's own domains is the seller; when own domains are
 *     given, any other domain is the buyer; without them, a domain shared with a participant whose
 *     side is known takes that side;
 *  3. introductions: a speaker of known side saying "our solutions engineer, Tomasz" or
 *     "I've got Jonah with me" puts Tomasz or Jonah on their own side;
 *  4. the conversation: sellers talk about "our platform", "our pricing", "we integrate with...",
 *     ask discovery questions and the "your call" question; buyers talk about "our CFO",
 *     "your product", "send me". The most seller-like speaker is the seller when nobody is known
 *     to be; everyone else not decided is a buyer.
 */

const SELLER_CUES: RegExp[] = [
  /\bour (?:platform|product|solution|software|tool|app|system|pricing|price|prices|implementation|onboarding|support|customers|clients|integration|api|solutions engineer|sales engineer|engineers?|security (?:packet|team|review)|contract|guarantee|proposal|demo|trial|roadmap|team can|pricing team|imaging team|implementation team|product team|dashboard|model|offering|fleet|drivers|variance report|connector)\b/,
  /\b(?:we|we'll|we'd|we can|we do|we also) (?:offer|support|integrate|handle|charge|guarantee|provide|include|convert|monitor|flag|watch|push|load|check|pay any|put that in writing|typically|usually|can do|can absolutely|run the (?:comparison|parallels))\b/,
  /\b(?:thanks|thank you) (?:for|so much for) (?:taking|making|joining|jumping|the time|your time|having|squeezing)/,
  /\bhow (?:does|do) (?:that|it|this|approvals?|the \w+) (?:work|land|look) (?:today|for you)\b/,
  /\bwho else (?:is|would|should|needs|will)\b/,
  /\bwhat (?:does|would) (?:timing|the timeline|a decision|it take)\b/,
  /\bwould it help if (?:i|we)\b/,
  /\bin (?:your|a) (?:world|shoes)\b/,
  /\b(?:your|you guys['’]?) (?:cfo|ceo|coo|cmo|cto|ciso|vp|boss|team|side|controller|committee|finance team|it team|procurement)\b/,
  /\b(?:if it were|if nobody else|if it was) .{0,40}\b(?:your|you)\b/,
  /\blet me ask you\b/,
  /\bcustomers (?:your|our) size\b|\bgroups your size\b|\bbrokers your size\b/,
];

const BUYER_CUES: RegExp[] = [
  /\bour (?:cfo|ceo|coo|cto|cmo|ciso|cio|controller|vp|boss|board|budget|fiscal|company|warehouse|offices?|plant|staff|analysts|data engineer|it (?:team|side)|finance team|procurement|gl|erp|tms|customers? (?:called|charges))\b/,
  /\b(?:my|our) (?:boss|cfo|ceo|vp|analysts|guys|associates|hygienists|supervisors|super ?intendents|billers|people|physicians)\b/,
  /\byour (?:product|platform|tool|software|pricing|price|proposal|demo|deck|numbers|system|security (?:packet|questionnaire)|soc ?2|api|app|team's|sales)\b/,
  /\byou guys\b/,
  /\b(?:send|shoot) me\b/,
  /\bwe(?:'re| are) (?:on|using|locked|looking|drowning)\b/,
  /\bwe (?:looked at|evaluated|tried|missed|ate it|got hit)\b/,
  /\bmy team\b/,
];

const ROLE_NOUN = String.raw`(?:engineer|lead|manager|rep|colleague|partner|specialist|architect|consultant|director|vp|analyst|ae|se|founder|ceo|cto)`;
/** Introductions next to a name: "our solutions engineer, Tomasz", "Jonah, he's our ...", "I've got Jonah with me". */
const INTRO_BEFORE = new RegExp(String.raw`(?:\b(?:our|my) (?:[a-z]+ ){0,3}${ROLE_NOUN}\s*,?\s*|\bi(?:'ve| have)? (?:got|brought)\s+|\b(?:joining me|with me) (?:today )?(?:is|are)\s+)$`);
const INTRO_AFTER = new RegExp(String.raw`^(?:'s|’s)?\s*(?:,\s*)?(?:(?:he|she)(?:'s| is) )?(?:our|my) (?:[a-z]+ ){0,3}${ROLE_NOUN}\b|^\s+(?:with me|on too|is (?:here )?with me)\b|^(?:'s|’s) dialing in\b`);

export interface SideResolution {
  sides: Map<string, Side>;
}

function domainOf(email: string | null | undefined): string | null {
  if (!email) return null;
  const at = email.lastIndexOf('@');
  return at >= 0 ? email.slice(at + 1).toLowerCase().trim() : null;
}

function matchesDomain(domain: string, own: readonly string[]): boolean {
  return own.some((d) => {
    const o = d.toLowerCase().replace(/^@/, '');
    return domain === o || domain.endsWith(`.${o}`);
  });
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0]!.toLowerCase();
}

/** Decides the side of every participant of `t`. */
export function resolveSides(t: Transcript, ownDomains: readonly string[] = []): Map<string, Side> {
  const sides = new Map<string, Side>();
  const byName = new Map<string, Participant>(t.participants.map((p) => [p.name, p]));
  const speaking = new Set(t.utterances.map((u) => u.speaker));

  // 1. declared sides (participants, then utterances); "Me" in notes is the author, the seller
  for (const p of t.participants) if (/^(?:me|myself|i|author)$/i.test(p.name.trim())) sides.set(p.name, 'seller');
  for (const p of t.participants) if (p.side !== 'unknown') sides.set(p.name, p.side);
  for (const u of t.utterances) if (u.side !== 'unknown' && !sides.has(u.speaker)) sides.set(u.speaker, u.side);

  // 2. email domains
  for (const p of t.participants) {
    if (sides.has(p.name)) continue;
    const d = domainOf(p.email);
    if (!d) continue;
    if (ownDomains.length > 0) sides.set(p.name, matchesDomain(d, ownDomains) ? 'seller' : 'buyer');
  }
  const domainSide = new Map<string, Side>();
  for (const p of t.participants) {
    const d = domainOf(p.email);
    const s = sides.get(p.name);
    if (d && s && s !== 'unknown') domainSide.set(d, s);
  }
  for (const p of t.participants) {
    if (sides.has(p.name)) continue;
    const d = domainOf(p.email);
    const s = d ? domainSide.get(d) : undefined;
    if (s) sides.set(p.name, s);
  }

  // 3. introductions by a speaker whose side is known
  const undecided = () => t.participants.filter((p) => !sides.has(p.name));
  const firstRe = new Map<string, RegExp>();
  for (const p of t.participants) {
    const first = firstName(p.name);
    if (first.length >= 2) firstRe.set(p.name, new RegExp(`\\b${first.replace(/[^a-z0-9]/g, '.')}\\b`));
  }
  const anyFirst = firstRe.size ? new RegExp([...firstRe.values()].map((r) => r.source).join('|')) : null;
  const introduce = () => {
    if (!anyFirst || undecided().length === 0) return;
    for (const u of t.utterances) {
      const s = sides.get(u.speaker);
      if (!s || s === 'unknown') continue;
      const lower = u.text.toLowerCase();
      if (!anyFirst.test(lower)) continue;
      for (const p of undecided()) {
        if (p.name === u.speaker) continue;
        const re = firstRe.get(p.name);
        if (!re) continue;
        const at = lower.search(re);
        if (at < 0) continue;
        const end = at + (lower.slice(at).match(/^[\p{L}'’-]+/u)?.[0].length ?? 0);
        const before = lower.slice(Math.max(0, at - 50), at);
        const after = lower.slice(end, end + 50);
        if (INTRO_BEFORE.test(before) || INTRO_AFTER.test(after)) sides.set(p.name, s);
      }
    }
  };
  introduce();

  // 4. conversation
  // a speaker's first utterances are enough to tell their side: cap the work per speaker
  const MAX_SCORED = 60;
  const scored = new Map<string, number>();
  const score = new Map<string, number>();
  for (const u of t.utterances) {
    const n = scored.get(u.speaker) ?? 0;
    if (n >= MAX_SCORED) continue;
    scored.set(u.speaker, n + 1);
    const lower = u.text.toLowerCase();
    let s = score.get(u.speaker) ?? 0;
    for (const re of SELLER_CUES) if (re.test(lower)) s += 1;
    for (const re of BUYER_CUES) if (re.test(lower)) s -= 1;
    if (/\?/.test(lower) && /\byou(?:r)?\b/.test(lower)) s += 0.5;
    score.set(u.speaker, s);
  }
  const knownSeller = [...sides.values()].includes('seller');
  const open = [...speaking].filter((n) => !sides.has(n));
  if (!knownSeller && open.length > 0) {
    const best = open.reduce((a, b) => ((score.get(b) ?? 0) > (score.get(a) ?? 0) ? b : a));
    sides.set(best, 'seller');
    introduce();
  }
  // another seller needs to sound at least half as much like one, per utterance, as the seller
  const rate = (n: string) => (score.get(n) ?? 0) / Math.max(1, scored.get(n) ?? 1);
  const sellers = [...sides].filter(([, v]) => v === 'seller').map(([k]) => k);
  const sellerRate = Math.max(0.2, ...sellers.filter((n) => score.has(n)).map(rate));
  for (const n of speaking) {
    if (sides.has(n)) continue;
    sides.set(n, (score.get(n) ?? 0) >= 3 && rate(n) >= sellerRate * 0.6 ? 'seller' : 'buyer');
  }
  // participants who never speak (typed notes' attendees): buyer unless introduced otherwise
  for (const p of t.participants) if (!sides.has(p.name)) sides.set(p.name, byName.get(p.name)?.side ?? 'buyer');
  for (const [k, v] of sides) if (v === 'unknown') sides.set(k, 'buyer');
  return sides;
}
