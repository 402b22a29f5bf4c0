import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CallAnalysis } from '../../schemas/analysis.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const run = (args: string[], cwd = root) => spawnSync(process.execPath, [join(root, 'bin/baton.js'), ...args], { cwd, encoding: 'utf8', timeout: 60_000 });

const dir = mkdtempSync(join(tmpdir(), 'baton-cli-'));
const a = join(dir, 'first-call.txt');
const b = join(dir, 'second-call.md');
writeFileSync(
  a,
  `Kit Vendor: Thanks for the time, Jo. If it were entirely your call, would you move forward with our platform?
Jo Marsh: Yes. Absolutely. I'll set up the meeting with our CFO, Vera Lund, for Tuesday the 9th at 2.
Kit Vendor: Perfect, I'll send the deck.
`,
);
writeFileSync(
  b,
  `# Acme - follow-up notes
Attendees: Jo Marsh (Ops Manager), Vera Lund (CFO), me (Kit Vendor)

- Vera asked about payback and contract terms.
- Jo said she already presented the pilot to the leadership team.
`,
);

describe('baton analyze', () => {
  it('prints one file\'s analysis to stdout', () => {
    const r = run(['analyze', a]);
    expect(r.status, r.stderr).toBe(0);
    const analysis = CallAnalysis.parse(JSON.parse(r.stdout));
    expect(analysis.stakeholders.map((s) => s.name)).toContain('Jo Marsh');
    expect(analysis.champion_test.answer).toBe('enthusiastic');
    expect(analysis.meta.analyzer).toBe('rules');
  });

  it('writes several files to --out, one JSON each', () => {
    const out = join(dir, 'out');
    const r = run(['analyze', a, b, '--out', out, '--deal']);
    expect(r.status, r.stderr).toBe(0);
    const second = CallAnalysis.parse(JSON.parse(readFileSync(join(out, 'second-call.md.json'), 'utf8')));
    expect(existsSync(join(out, 'first-call.txt.json'))).toBe(true);
    expect(second.deal.calls).toBe(2);
  });

  it('reports a missing file, exits non-zero, and still writes the others', () => {
    const out = join(dir, 'out2');
    const r = run(['analyze', join(dir, 'nope.txt'), a, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/nope\.txt: cannot read: no such file/);
    expect(existsSync(join(out, 'first-call.txt.json'))).toBe(true);
  });

  it('reports an unparseable file', () => {
    const bad = join(dir, 'empty.vtt');
    writeFileSync(bad, '   \n');
    const r = run(['analyze', bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/empty\.vtt: cannot parse/);
  });

  it('explains its usage', () => {
    const r = run(['analyze']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/usage: baton analyze/);
  });
});
