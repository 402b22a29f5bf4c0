import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Side } from '../../schemas/transcript.ts';
import { analyze, call } from './helpers.ts';

/**
 * Paraphrases of the taxonomy's ideas (test/fixtures/paraphrases.txt): each line is one seller
 * question and one buyer reply in words the dev corpus does not use, with what the reply must
 * yield. Roles (test/fixtures/roles.txt): short calls stating who screens, uses, decides or only
 * influences.
 */
const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures', name), 'utf8');
const SELLER = { 'Sam Reyes': 'seller', 'Priya Nair': 'buyer' } as const;

const cases = fixture('paraphrases.txt')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => {
    const [expected, rest] = l.split(' :: ');
    const [question, reply] = rest!.split(' || ');
    return { expected: expected!.split(',').map((e) => e.trim()), question: question!, reply: reply! };
  });

describe('taxonomy ideas in other words', () => {
  it.each(cases)('$expected <- "$reply"', async ({ expected, question, reply }) => {
    const a = await analyze(call(`Sam Reyes: Thanks for joining. ${question}\nPriya Nair: ${reply}\nSam Reyes: Thanks Priya.`, SELLER));
    const found = [
      ...a.signals.filter((s) => s.stakeholder === 'Priya Nair').map((s) => s.type),
      ...a.red_flags.filter((f) => f.stakeholder === 'Priya Nair').map((f) => f.type),
      ...(a.champion_test.asked ? [`test:${a.champion_test.answer}`] : []),
    ];
    const g = a.stakeholders.find((s) => s.name === 'Priya Nair')?.champion.grade;
    if (expected[0] === '-') {
      expect(found).toEqual([]);
      return;
    }
    for (const e of expected) {
      if (e.startsWith('grade:')) expect(`grade:${g}`).toBe(e);
      else expect(found).toContain(e);
    }
  });
});

const roleCases = fixture('roles.txt')
  .split('\n---\n')
  .map((block) => block.split('\n').filter((l) => l.trim() && !/^# Blocks/.test(l)))
  .map(([head, ...lines]) => ({
    expected: head!.replace(/^#\s*/, '').split(';').map((p) => p.trim().split('=') as [string, string]),
    script: lines.join('\n').replace(/ \([^)]*\):/g, ':'),
    sides: Object.fromEntries(lines.map((l) => /^([^:(]+?)(?: \(([^)]*)\))?:/.exec(l)).filter((m) => m).map((m) => [m![1]!, m![1] === 'Sam Reyes' ? 'seller' : 'buyer'])) as Record<string, Side>,
    titles: Object.fromEntries(lines.map((l) => /^([^:(]+?) \([^,)]*, ([^)]*)\):/.exec(l)).filter((m) => m).map((m) => [m![1]!, m![2]!])),
  }));

describe('roles in the decision', () => {
  it.each(roleCases)('$expected', async ({ expected, script, sides, titles }) => {
    const t = call(script, sides);
    for (const p of t.participants) p.title = titles[p.name] ?? null;
    const a = await analyze(t);
    for (const [name, role] of expected) expect({ name, role: a.stakeholders.find((s) => s.name === name)?.role }).toEqual({ name, role });
  });
});
