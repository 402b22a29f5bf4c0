/** Shapes shared by the format parsers; normalize.ts re-exports the public ones. */

export interface RawUtterance {
  speaker: string;
  start?: number | null;
  end?: number | null;
  text: string;
}

export interface RawParticipant {
  name: string;
  email?: string | null;
  title?: string | null;
  /** The company the content says they work for (`Kiri Tane (Harbourview Legal):`); groups colleagues. */
  org?: string | null;
  side?: 'buyer' | 'seller' | 'unknown' | null;
}

export interface ContentMeta {
  title: string | null;
  occurred_at: string | null;
}

/** What a format parser reads out of the content, before sides and participants are merged. */
export interface ParsedContent {
  utterances: RawUtterance[];
  participants: RawParticipant[];
  meta: ContentMeta;
}

export const NO_META: ContentMeta = Object.freeze({ title: null, occurred_at: null });
