import { describe, it, expect } from 'vitest';
import { normalizeTranscript } from '../../src/ingest/normalize.ts';
import { resolveSide } from '../../src/ingest/sides.ts';

describe('resolveSide', () => {
  it('uses the given side first', () => {
    expect(resolveSide('buyer', 'x@acme.com', ['acme.com'])).toBe('buyer');
  });
  it('is seller for an own domain (also subdomains, any case), buyer for another one', () => {
    expect(resolveSide(null, 'x@ACME.com', ['acme.com'])).toBe('seller');
    expect(resolveSide(null, 'x@eu.acme.com', ['@Acme.com'])).toBe('seller');
    expect(resolveSide(null, 'x@notacme.com', ['acme.com'])).toBe('buyer');
  });
  it('is unknown without own domains, without an email, or with a malformed one', () => {
    expect(resolveSide(null, 'x@other.com', [])).toBe('unknown');
    expect(resolveSide(null, null, ['acme.com'])).toBe('unknown');
    expect(resolveSide(null, 'not-an-email', ['acme.com'])).toBe('unknown');
    expect(resolveSide('unknown', 'x@acme.com', ['acme.com'])).toBe('seller');
  });
});

describe('participants from the uploader', () => {
  const text = 'Kim Alvarez: Hi.\nTheo Brandt: Hello.\nKim Alvarez: Bye.';

  it('are merged case-insensitively and win for email, title and side', () => {
    const { transcript } = normalizeTranscript({
      content: text,
      ownDomains: ['acme.com'],
      participants: [
        { name: 'kim alvarez', email: 'kim@acme.com', title: 'AE' },
        { name: 'THEO BRANDT', email: 'theo@buyer.org' },
        { name: 'Ruth Ng', title: 'CFO', side: 'buyer' },
      ],
    });
    expect(transcript.participants).toEqual([
      { name: 'Kim Alvarez', email: 'kim@acme.com', title: 'AE', side: 'seller' },
      { name: 'Theo Brandt', email: 'theo@buyer.org', title: null, side: 'buyer' },
      { name: 'Ruth Ng', email: null, title: 'CFO', side: 'buyer' },
    ]);
    expect(transcript.utterances.map((u) => u.side)).toEqual(['seller', 'buyer', 'seller']);
  });

  it('override what the content says', () => {
    const content = JSON.stringify({
      participants: [{ name: 'Ivy', email: 'ivy@old.com', title: 'Rep', side: 'buyer' }],
      utterances: [{ speaker: 'Ivy', text: 'hi' }],
    });
    const { transcript } = normalizeTranscript({ content, participants: [{ name: 'IVY', email: 'ivy@acme.com', title: 'AE', side: 'seller' }] });
    expect(transcript.participants).toEqual([{ name: 'Ivy', email: 'ivy@acme.com', title: 'AE', side: 'seller' }]);
  });

  it('ignore malformed entries', () => {
    const participants = [null, { name: '' }, { name: 42 }, { name: ' Ruth ' }] as unknown as { name: string }[];
    const { transcript } = normalizeTranscript({ content: text, participants });
    expect(transcript.participants.map((p) => p.name)).toEqual(['Kim Alvarez', 'Theo Brandt', 'Ruth']);
  });
});
