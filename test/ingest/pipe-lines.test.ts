import { describe, it, expect } from 'vitest';
import { detectFormat } from '../../src/ingest/normalize.ts';
import { quickly, run, survives } from './support.ts';

describe('pipe-delimited turns', () => {
  const stamped = [
    '00:00:03 | Owen Gallagher | Hi Folasade, thanks for making the time.',
    '00:00:09 | Folasade Adeyemi | Happy to. Two things from my side: pricing and rollout.',
    '00:00:17 | Owen Gallagher | Let us take pricing first.',
    '00:01:02 | Folasade Adeyemi | Fine by me.',
  ].join('\n');

  it('reads `stamp | speaker | text`: the middle column is the speaker, the stamp the start', () => {
    expect(detectFormat(stamped)).toBe('speaker_lines');
    const { transcript, turns } = run(stamped);
    expect(transcript.format).toBe('speaker_lines');
    expect(turns).toEqual([
      ['Owen Gallagher', 'Hi Folasade, thanks for making the time.', 3],
      ['Folasade Adeyemi', 'Happy to. Two things from my side: pricing and rollout.', 9],
      ['Owen Gallagher', 'Let us take pricing first.', 17],
      ['Folasade Adeyemi', 'Fine by me.', 62],
    ]);
    expect(transcript.participants.map((p) => p.name)).toEqual(['Owen Gallagher', 'Folasade Adeyemi']);
  });

  it('reads `speaker | text` without stamps, a colon in the text staying text', () => {
    const text = 'Yusuf Demir | Morning Lena.\nLena Voss | Morning: coffee first, then numbers.\nYusuf Demir | Agreed.\nLena Voss | Good.';
    expect(detectFormat(text)).toBe('speaker_lines');
    expect(run(text).turns).toEqual([
      ['Yusuf Demir', 'Morning Lena.', null],
      ['Lena Voss', 'Morning: coffee first, then numbers.', null],
      ['Yusuf Demir', 'Agreed.', null],
      ['Lena Voss', 'Good.', null],
    ]);
  });

  it('keeps extra pipes in the text', () => {
    const text = '00:00:01 | Aiko Tanaka | Options are A | B | C.\n00:00:05 | Rahul Mehta | B | maybe C.\n00:00:09 | Aiko Tanaka | Noted.';
    expect(run(text).turns.map((t) => t[1])).toEqual(['Options are A | B | C.', 'B | maybe C.', 'Noted.']);
  });

  it('reads vendor variants: no spaces, the stamp after the name, outer pipes, bracketed stamps', () => {
    const text = [
      '00:00:01|Aiko Tanaka|Compact.',
      'Rahul Mehta | 00:00:04 | Stamp second.',
      '| 00:00:08 | Aiko Tanaka | Outer pipes. |',
      '[00:00:12] | Rahul Mehta | Bracketed stamp.',
    ].join('\n');
    expect(run(text).turns).toEqual([
      ['Aiko Tanaka', 'Compact.', 1],
      ['Rahul Mehta', 'Stamp second.', 4],
      ['Aiko Tanaka', 'Outer pipes.', 8],
      ['Rahul Mehta', 'Bracketed stamp.', 12],
    ]);
  });

  it('still reads `Name | Title: text` labels when every line has that shape', () => {
    const text = 'Sam Whitaker | AE: Hello.\nDana Ortiz | CFO: Hi.\nSam Whitaker | AE: Shall we?';
    const { transcript, turns } = run(text);
    expect(turns.map((t) => [t[0], t[1]])).toEqual([
      ['Sam Whitaker', 'Hello.'],
      ['Dana Ortiz', 'Hi.'],
      ['Sam Whitaker', 'Shall we?'],
    ]);
    expect(transcript.participants.map((p) => [p.name, p.title])).toEqual([
      ['Sam Whitaker', 'AE'],
      ['Dana Ortiz', 'CFO'],
    ]);
  });

  it('does not read pipe-separated fields in a bulleted list as turns', () => {
    const notes = '# Stakeholders\n- Dana Ortiz | CFO | economic buyer\n- Theo Brandt | Ops | champion\n- pilot agreed for May';
    expect(detectFormat(notes)).toBe('notes');
  });

  it('survives malformed pipe lines', () => {
    for (const content of ['| | |', '00:00:01 | | text with no speaker', 'Owen Gallagher |', '|||\n| Owen | \n00:00:01 |', 'Owen | hi\n| | |\nOwen |']) {
      survives({ content });
      survives({ content, format: 'speaker_lines' });
    }
    expect(survives({ content: 'Owen Gallagher | Hi.\n | \nIfeoma Obi | Hello.\nOwen Gallagher |' })?.transcript.utterances.map((u) => u.speaker)).toEqual([
      'Owen Gallagher',
      'Ifeoma Obi',
    ]);
  });

  it('stays linear on long pipe inputs', () => {
    quickly(() => survives({ content: '00:00:01 | Ana Silva | hi | there\n'.repeat(60_000) }));
    quickly(() => survives({ content: `Ana Silva | ${'| '.repeat(500_000)}` }));
    quickly(() => survives({ content: '|'.repeat(1_000_000) }));
  });
});
