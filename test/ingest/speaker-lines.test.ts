import { describe, it, expect } from 'vitest';
import { detectFormat, normalizeTranscript } from '../../src/ingest/normalize.ts';

function run(text: string) {
  const { transcript, meta } = normalizeTranscript({ content: text });
  return { transcript, meta, turns: transcript.utterances.map((u) => [u.speaker, u.text, u.start] as const) };
}

describe('speaker lines', () => {
  it('reads plain Name: text lines, one utterance per labelled line', () => {
    const { transcript, turns } = run('Kim Alvarez: Morning, Theo.\nTheo Brandt: Hi Kim.\nKim Alvarez: Shall we start?');
    expect(transcript.format).toBe('speaker_lines');
    expect(turns).toEqual([
      ['Kim Alvarez', 'Morning, Theo.', null],
      ['Theo Brandt', 'Hi Kim.', null],
      ['Kim Alvarez', 'Shall we start?', null],
    ]);
    expect(transcript.participants.map((p) => p.name)).toEqual(['Kim Alvarez', 'Theo Brandt']);
  });

  it('reads [hh:mm:ss], [mm:ss], (mm:ss) and bare stamps before the name', () => {
    const { turns } = run('[00:01:05] Kim: one\n[02:10] Theo: two\n(03:15) Kim: three\n01:00:00 Theo: four');
    expect(turns.map((t) => t[2])).toEqual([65, 130, 195, 3600]);
    expect(turns.map((t) => t[0])).toEqual(['Kim', 'Theo', 'Kim', 'Theo']);
  });

  it('reads stamps after the name: Name (00:12): text', () => {
    const { turns } = run('Kim Alvarez (00:12): Hello there.\nTheo Brandt (00:20): Hi.\nKim Alvarez [1:02:03]: Later.');
    expect(turns).toEqual([
      ['Kim Alvarez', 'Hello there.', 12],
      ['Theo Brandt', 'Hi.', 20],
      ['Kim Alvarez', 'Later.', 3723],
    ]);
  });

  it('appends unlabelled continuation lines to the previous speaker', () => {
    const { turns } = run('Kim: First part.\nsecond part, same turn.\n\nTheo: Reply.\nKim: Again.');
    expect(turns.map((t) => t[1])).toEqual(['First part. second part, same turn.', 'Reply.', 'Again.']);
  });

  it('takes titles and roles out of the label', () => {
    const { transcript, turns } = run(
      'Dana Ortiz (CFO, Acme): We need numbers.\nSam Whitaker - AE: Understood.\nDana Ortiz (CFO, Acme): Good.\nSam Whitaker - AE: Sending today.',
    );
    expect(turns.map((t) => t[0])).toEqual(['Dana Ortiz', 'Sam Whitaker', 'Dana Ortiz', 'Sam Whitaker']);
    const titles = Object.fromEntries(transcript.participants.map((p) => [p.name, p.title]));
    expect(titles).toEqual({ 'Dana Ortiz': 'CFO', 'Sam Whitaker': 'AE' });
  });

  it('reads markdown labels and skips headings', () => {
    const text = '# Call with Acme\n\n**Sam:** Hi all.\n- **Dana**: Hello.\n## Pricing\n**Sam:** So, pricing.\n* **Dana:** Go on.';
    const { turns, meta } = run(text);
    expect(detectFormat(text)).toBe('speaker_lines');
    expect(turns.map((t) => [t[0], t[1]])).toEqual([
      ['Sam', 'Hi all.'],
      ['Dana', 'Hello.'],
      ['Sam', 'So, pricing.'],
      ['Dana', 'Go on.'],
    ]);
    expect(meta.title).toBe('Call with Acme');
  });

  it('title-cases upper-case names but keeps role acronyms', () => {
    const { turns } = run("RACHEL KIM: Hi.\nTOM O'NEIL-SMITH: Hello.\nCFO: Numbers?\nRACHEL KIM: Sure.\nCFO: Thanks.");
    expect(turns.map((t) => t[0])).toEqual(['Rachel Kim', "Tom O'Neil-Smith", 'CFO', 'Rachel Kim', 'CFO']);
  });

  it('merges upper-case and written-case spellings of one speaker', () => {
    const { transcript } = run('RACHEL KIM: Hi.\nTobias Weber: Hello.\nRachel Kim: Again.');
    expect(transcript.participants.map((p) => p.name)).toEqual(['Rachel Kim', 'Tobias Weber']);
  });

  it('accepts speakers known only by title or number', () => {
    const { turns } = run('Speaker 1: Can you hear me?\nSpeaker 2: Yes.\nSpeaker 1: Great.\nVP Sales: Let me add something.');
    expect(turns.map((t) => t[0])).toEqual(['Speaker 1', 'Speaker 2', 'Speaker 1', 'VP Sales']);
  });

  it('reads Otter-style blocks: name and stamp on one line, text below', () => {
    const text = 'Kim Alvarez  0:03\nThanks for joining.\nI have a few questions.\n\nTheo Brandt  0:15\nSure, go ahead.\n\nKim Alvarez  1:02:07\nGreat.';
    expect(detectFormat(text)).toBe('speaker_lines');
    const { turns } = run(text);
    expect(turns).toEqual([
      ['Kim Alvarez', 'Thanks for joining. I have a few questions.', 3],
      ['Theo Brandt', 'Sure, go ahead.', 15],
      ['Kim Alvarez', 'Great.', 3727],
    ]);
  });

  it('reads Rev-style label lines with the text on the next line', () => {
    const { turns } = run('Kim Alvarez (00:00):\nHello.\n\nTheo Brandt (00:04):\nHi there.\n');
    expect(turns).toEqual([
      ['Kim Alvarez', 'Hello.', 0],
      ['Theo Brandt', 'Hi there.', 4],
    ]);
  });

  it("reads Zoom's text export: [Name] stamp, text below", () => {
    const text = '[Kim Alvarez] 14:02:11\nHello all.\n\n[Theo Brandt] 14:02:15\nHi.\n[Kim Alvarez]: Quick one.';
    expect(detectFormat(text)).toBe('speaker_lines');
    expect(run(text).turns).toEqual([
      ['Kim Alvarez', 'Hello all.', 50531],
      ['Theo Brandt', 'Hi.', 50535],
      ['Kim Alvarez', 'Quick one.', null],
    ]);
  });

  it('applies a stamp on its own line to the next turn', () => {
    const { turns } = run('00:00:05\nKim: Hello.\n00:00:09\nTheo: Hi.\nKim: Bye.');
    expect(turns.map((t) => t[2])).toEqual([5, 9, null]);
  });

  it('does not take prose with a colon for a speaker', () => {
    const text = [
      'Kim Alvarez: Here is the plan.',
      'Note: this part is important.',
      'Next steps: send the deck.',
      'See https://example.com/deck for details.',
      'We meet at 10:00 tomorrow.',
      'Theo Brandt: Works for me.',
      'Kim Alvarez: Also: bring the numbers.',
      'Theo Brandt: Will do.',
    ].join('\n');
    const { turns } = run(text);
    expect(turns.map((t) => t[0])).toEqual(['Kim Alvarez', 'Theo Brandt', 'Kim Alvarez', 'Theo Brandt']);
    expect(turns[0]?.[1]).toBe(
      'Here is the plan. Note: this part is important. Next steps: send the deck. See https://example.com/deck for details. We meet at 10:00 tomorrow.',
    );
    expect(turns[2]?.[1]).toBe('Also: bring the numbers.');
  });

  it('keeps a one-off single-word prose label inside a full-name transcript as text', () => {
    const { turns } = run('Kim Alvarez: One.\nTheo Brandt: Two.\nAnyway: where were we.\nKim Alvarez: Three.\nTheo Brandt: Four.');
    expect(turns.map((t) => t[0])).toEqual(['Kim Alvarez', 'Theo Brandt', 'Kim Alvarez', 'Theo Brandt']);
    expect(turns[1]?.[1]).toBe('Two. Anyway: where were we.');
  });

  it('ignores unstamped lines that look like labels in a stamped transcript', () => {
    const { turns } = run('[00:01] Kim: Hello.\nDecision: we go ahead.\n[00:05] Theo: Agreed.\nReason: budget is there.\n[00:09] Kim: Great.');
    expect(turns.map((t) => t[0])).toEqual(['Kim', 'Theo', 'Kim']);
    expect(turns[1]?.[1]).toBe('Agreed. Reason: budget is there.');
  });

  it('reads an attendees preamble into participants', () => {
    const { transcript } = run('Attendees: Kim Alvarez (AE), Theo Brandt (Head of Ops), Una Price\n\nKim Alvarez: Hi.\nTheo Brandt: Hello.\nKim Alvarez: Bye.');
    expect(transcript.participants.map((p) => [p.name, p.title])).toEqual([
      ['Kim Alvarez', 'AE'],
      ['Theo Brandt', 'Head of Ops'],
      ['Una Price', null],
    ]);
  });

  it('drops label lines that never get any text', () => {
    const { turns } = run('Kim: Hello.\nTheo:\nKim: Anyone there?');
    expect(turns.map((t) => t[0])).toEqual(['Kim', 'Kim']);
  });

  it('keeps non-Latin and accented names', () => {
    const { turns } = run('José Núñez: Hola.\nZoë Ødegaard: Hei.\nJosé Núñez: Adiós.');
    expect(turns.map((t) => t[0])).toEqual(['José Núñez', 'Zoë Ødegaard', 'José Núñez']);
  });

  it('fails with a clear message when forced but no labels exist', () => {
    expect(() => normalizeTranscript({ content: 'just some words\nand more', format: 'speaker_lines' })).toThrowError(/no 'Name: text' speaker labels/);
  });
});
