import { describe, it, expect } from 'vitest';
import { detectFormat, normalizeTranscript } from '../../src/ingest/normalize.ts';
import { people, run, survives } from './support.ts';

describe('a bracketed role before the name', () => {
  const text = [
    '[Account Exec] Brooke: Thanks for making the time, Hana.',
    '[SVP Technical Ops] Hana: Of course. Tomás runs planning, so he joined.',
    '[Dir. Maintenance Planning] Tomás: Morning.',
    '[Account Exec] Brooke: Great, let us start with the hangar schedule.',
    '[VP, Finance] Ngozi Eze: And I will want the numbers.',
  ].join('\n');

  it('takes the bracket as the title and the name after it as the speaker', () => {
    expect(detectFormat(text)).toBe('speaker_lines');
    const { transcript, turns } = run(text);
    expect(turns.map((t) => [t[0], t[1]])).toEqual([
      ['Brooke', 'Thanks for making the time, Hana.'],
      ['Hana', 'Of course. Tomás runs planning, so he joined.'],
      ['Tomás', 'Morning.'],
      ['Brooke', 'Great, let us start with the hangar schedule.'],
      ['Ngozi Eze', 'And I will want the numbers.'],
    ]);
    expect(people(transcript)).toEqual({
      Brooke: ['Account Exec', 'seller'],
      Hana: ['SVP Technical Ops', 'unknown'],
      Tomás: ['Dir. Maintenance Planning', 'unknown'],
      'Ngozi Eze': ['VP, Finance', 'unknown'],
    });
  });

  it('works after a stamp and with a stamp after the name', () => {
    const { turns } = run('[00:00:04] [AE] Lukas Berg: Hi.\n[Customer] Amara Nwosu (00:09): Hello.\n[00:00:15] [AE] Lukas Berg: Ready?');
    expect(turns).toEqual([
      ['Lukas Berg', 'Hi.', 4],
      ['Amara Nwosu', 'Hello.', 9],
      ['Lukas Berg', 'Ready?', 15],
    ]);
  });

  it("leaves Zoom's `[Name] text` lines alone", () => {
    const { turns } = run('[Kim Alvarez] 14:02:11\nHello all.\n[Theo Brandt] Pricing: too high.\n[Kim Alvarez] Fair.');
    expect(turns.map((t) => [t[0], t[1]])).toEqual([
      ['Kim Alvarez', 'Hello all.'],
      ['Theo Brandt', 'Pricing: too high.'],
      ['Kim Alvarez', 'Fair.'],
    ]);
  });
});

describe('role-only speaker labels', () => {
  it('keeps `Customer (X)` labels apart and gives roles their side', () => {
    const text = [
      'AE: Thanks everyone for joining.',
      'Customer (Ops): Happy to be here.',
      'Customer (Finance): Same. I have twenty minutes.',
      'SE: I will run the demo.',
      'Customer (Ops): Please start with dispatch.',
      'AE: Will do.',
    ].join('\n');
    expect(detectFormat(text)).toBe('speaker_lines');
    const { transcript, turns } = run(text);
    expect(turns.map((t) => t[0])).toEqual(['AE', 'Customer (Ops)', 'Customer (Finance)', 'SE', 'Customer (Ops)', 'AE']);
    expect(transcript.utterances.map((u) => u.side)).toEqual(['seller', 'buyer', 'buyer', 'seller', 'buyer', 'seller']);
    expect(transcript.participants.map((p) => p.name)).toEqual(['AE', 'Customer (Ops)', 'Customer (Finance)', 'SE']);
  });

  it.each([
    ['Rep', 'seller'],
    ['Sales', 'seller'],
    ['CSM', 'seller'],
    ['Account Exec', 'seller'],
    ['Account Executive', 'seller'],
    ['Solutions Engineer', 'seller'],
    ['SDR', 'seller'],
    ['Account Manager', 'seller'],
    ['Customer', 'buyer'],
    ['Client', 'buyer'],
    ['Prospect', 'buyer'],
    ['Buyer 2', 'buyer'],
  ] as const)('%s: is a %s', (label, side) => {
    const other = side === 'seller' ? 'Prospect' : 'Rep';
    const { transcript } = run(`${label}: Hello.\n${other}: Hi.\n${label}: Shall we start?\n${other}: Yes.`);
    expect(transcript.utterances[0]).toMatchObject({ speaker: label, side });
  });

  it('reads `ROLE (Person Name)` as the person, with the role as title', () => {
    const { transcript } = run('AE (Brooke Lin): Hello.\nCustomer (Omar Haddad): Hi.\nAE (Brooke Lin): Shall we?');
    expect(people(transcript)).toEqual({ 'Brooke Lin': ['AE', 'seller'], 'Omar Haddad': ['Customer', 'buyer'] });
  });

  it('title-cases upper-case role labels with their qualifier', () => {
    const { turns } = run('AE: Hi.\nCUSTOMER (OPS): Hello.\nAE: Good.');
    expect(turns.map((t) => t[0])).toEqual(['AE', 'Customer (Ops)', 'AE']);
  });

  it('gives a seller side to a seller-role title from any source, unless something stronger says otherwise', () => {
    const text = 'Attendees: Ilse Jansen (Senior Account Executive), Kofi Mensah (VP Sales)\n\nIlse Jansen: Hi Kofi.\nKofi Mensah: Hi.\nIlse Jansen: Let us go.';
    // "VP Sales" is a buyer's sales leader as often as not: no side from it
    expect(people(run(text).transcript)).toEqual({ 'Ilse Jansen': ['Senior Account Executive', 'seller'], 'Kofi Mensah': ['VP Sales', 'unknown'] });
    const stated = normalizeTranscript({ content: text, participants: [{ name: 'Ilse Jansen', side: 'buyer' }] });
    expect(stated.transcript.participants[0]?.side).toBe('buyer');
    const byDomain = normalizeTranscript({ content: text, ownDomains: ['vendor.io'], participants: [{ name: 'Ilse Jansen', email: 'ilse@partner.com' }] });
    expect(byDomain.transcript.participants[0]?.side).toBe('buyer');
    const json = JSON.stringify({ participants: [{ name: 'Ilse Jansen', title: 'Solutions Engineer' }], utterances: [{ speaker: 'Ilse Jansen', text: 'Hi.' }] });
    expect(normalizeTranscript({ content: json }).transcript.participants[0]?.side).toBe('seller');
  });
});

describe('`Name (Company):` labels', () => {
  const text = [
    'Sophie Tremblay (ClauseCraft): Thanks for joining, Kiri.',
    'Kiri Tane (Harbourview Legal): Glad to. Aroha is with me.',
    'Aroha Ngata (Harbourview Legal): Kia ora.',
    'Marc Dubois (ClauseCraft): I will cover the integration.',
    'Sophie Tremblay (ClauseCraft): Great.',
  ].join('\n');

  it('keep working: the company becomes the title', () => {
    const { transcript, turns } = run(text);
    expect(turns.map((t) => t[0])).toEqual(['Sophie Tremblay', 'Kiri Tane', 'Aroha Ngata', 'Marc Dubois', 'Sophie Tremblay']);
    expect(people(transcript)).toEqual({
      'Sophie Tremblay': ['ClauseCraft', 'unknown'],
      'Kiri Tane': ['Harbourview Legal', 'unknown'],
      'Aroha Ngata': ['Harbourview Legal', 'unknown'],
      'Marc Dubois': ['ClauseCraft', 'unknown'],
    });
  });

  it('group colleagues: a company that is an own domain is the seller, the other company the buyer', () => {
    const { transcript } = run(text, { ownDomains: ['clausecraft.com'] });
    expect(transcript.utterances.map((u) => u.side)).toEqual(['seller', 'buyer', 'buyer', 'seller', 'seller']);
  });

  it('group colleagues: one known side is shared with the rest of the company', () => {
    const { transcript } = run(text, { participants: [{ name: 'Marc Dubois', email: 'marc@clausecraft.com', side: 'seller' }] });
    expect(people(transcript)['Sophie Tremblay']).toEqual(['ClauseCraft', 'seller']);
    expect(people(transcript)['Aroha Ngata']).toEqual(['Harbourview Legal', 'buyer']);
  });

  it('tell a job title from a company: `(CFO, Acme)` keeps CFO as the title', () => {
    const { transcript } = run('Dana Ortiz (CFO, Acme): Numbers?\nLuis Romero (Acme Corp, Head of IT): Yes.\nDana Ortiz (CFO, Acme): Good.');
    expect(transcript.participants.map((p) => [p.name, p.title])).toEqual([
      ['Dana Ortiz', 'CFO'],
      ['Luis Romero', 'Head of IT'],
    ]);
  });
});

describe('role and bracket labels, malformed', () => {
  it('survive odd brackets and parentheses', () => {
    for (const content of ['[] Brooke: hi', '[Account Exec Brooke: hi\n[AE]: x', '[[AE]] Brooke: hi', 'Customer (: hi\nCustomer ((Ops)): hi', '[' + 'a'.repeat(100) + '] Brooke: hi', 'AE ():\nAE (): x']) {
      survives({ content });
      survives({ content, format: 'speaker_lines' });
    }
  });
});
