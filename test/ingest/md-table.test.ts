import { describe, it, expect } from 'vitest';
import { splitRow } from '../../src/ingest/md-table.ts';
import { detectFormat } from '../../src/ingest/normalize.ts';
import { quickly, run, survives } from './support.ts';

describe('Markdown table transcripts', () => {
  const table = [
    '# Renewal check-in, Vantage Freight',
    'Recorded and exported by the meeting bot.',
    '',
    '| Time | Speaker | Text |',
    '| --- | --- | --- |',
    '| 00:00:02 | Marta Kowalczyk | Morning Dev, can you hear me? |',
    '| 00:00:06 | Dev Raman | Loud and clear. We compared plan A \\| plan B. |',
    '| 00:01:15 | Marta Kowalczyk | Which one won? |',
  ].join('\n');

  it('reads rows as turns after a title and a prose line, unescaping \\|', () => {
    expect(detectFormat(table)).toBe('speaker_lines');
    const { transcript, meta, turns } = run(table);
    expect(meta.title).toBe('Renewal check-in, Vantage Freight');
    expect(turns).toEqual([
      ['Marta Kowalczyk', 'Morning Dev, can you hear me?', 2],
      ['Dev Raman', 'Loud and clear. We compared plan A | plan B.', 6],
      ['Marta Kowalczyk', 'Which one won?', 75],
    ]);
    expect(transcript.participants.map((p) => p.name)).toEqual(['Marta Kowalczyk', 'Dev Raman']);
  });

  it('accepts other column names and orders, alignment marks and no outer pipes', () => {
    const text = ['What was said | Who | Timestamp', ':--- | :---: | ---:', 'Hello there. | Nadia Haddad | 0:05', 'Hi Nadia. | Tom Becker | 0:09'].join('\n');
    expect(run(text).turns).toEqual([
      ['Nadia Haddad', 'Hello there.', 5],
      ['Tom Becker', 'Hi Nadia.', 9],
    ]);
    const named = '| Start | End | Name | Utterance |\n|---|---|---|---|\n| 00:01 | 00:04 | Nadia Haddad | One. |\n| 00:05 | 00:07 | Tom Becker | Two. |';
    const { transcript } = run(named);
    expect(transcript.utterances.map((u) => [u.speaker, u.start, u.end])).toEqual([
      ['Nadia Haddad', 1, 4],
      ['Tom Becker', 5, 7],
    ]);
    const transcriptColumn = '| Speaker | Transcript |\n| - | - |\n| **Nadia Haddad (CFO)** | One. |\n| Tom Becker | Two. |';
    expect(run(transcriptColumn).transcript.participants.map((p) => [p.name, p.title])).toEqual([
      ['Nadia Haddad', 'CFO'],
      ['Tom Becker', null],
    ]);
  });

  it('reads a missing cell as empty, a speakerless row as more of the previous turn, surplus cells as text', () => {
    const text = [
      '| Time | Speaker | Text |',
      '| --- | --- | --- |',
      '| 00:00:01 | Nadia Haddad | First. |',
      '| 00:00:04 | Tom Becker |',
      '| 00:00:06 | | and the rest of it. |',
      '| 00:00:09 | Nadia Haddad | Raw | pipes | inside |',
    ].join('\n');
    expect(run(text).turns).toEqual([
      ['Nadia Haddad', 'First.', 1],
      ['Tom Becker', 'and the rest of it.', 4],
      ['Nadia Haddad', 'Raw | pipes | inside', 9],
    ]);
  });

  it('ignores tables that are not transcripts (a MEDDICC grid in notes)', () => {
    const notes = ['# Discovery notes', '| Field | Value |', '| --- | --- |', '| Economic Buyer | Dana Ortiz |', '| Champion | Theo Brandt |', '- pilot in May'].join('\n');
    expect(detectFormat(notes)).toBe('notes');
  });

  it('splits cells on unescaped pipes only', () => {
    expect(splitRow('| a \\| b | c |')).toEqual(['a | b', 'c']);
    expect(splitRow('a|b')).toEqual(['a', 'b']);
    expect(splitRow('| x |  |')).toEqual(['x', '']);
  });

  it('survives malformed tables', () => {
    const bad = [
      '| Speaker | Text |\n| --- | --- |',
      '| Speaker | Text |\n| --- | --- |\n| | |\n|',
      '| Speaker | Text |\n| --- |\n| Nadia | hi |',
      '| Time | Speaker | Text |\n| --- | --- | --- |\n| 99:99 | ??? | |\n| x |',
      '| Speaker | Text |\n|---|---|\n| Nadia Haddad | hi \\|\n| Tom Becker | \\',
    ];
    for (const content of bad) {
      survives({ content });
      survives({ content, format: 'speaker_lines' });
    }
  });

  it('stays linear on a long table', () => {
    const rows = '| 00:00:01 | Ana Silva | hello \\| there |\n'.repeat(60_000);
    quickly(() => expect(survives({ content: `| Time | Speaker | Text |\n| --- | --- | --- |\n${rows}` })?.transcript.utterances).toHaveLength(60_000));
    quickly(() => survives({ content: `| Speaker | Text |\n| --- | --- |\n| Ana | ${'\\|'.repeat(500_000)} |` }));
  });
});
