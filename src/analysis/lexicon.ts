import nlp from 'compromise/two';

/**
 * Word knowledge from compromise's English lexicon (about 25,000 words with their tags): whether
 * a word is a first name, a surname, a place, a month, or an ordinary word. Used to tell people
 * from companies, places and sentence-initial words without lists of our own. Plain lookups, so
 * they cost nothing per call.
 */

type Lexicon = Record<string, string | string[]>;

const lexicon: Lexicon = (nlp.model() as { one: { lexicon: Lexicon } }).one.lexicon;

function tags(word: string): string[] {
  const t = lexicon[word.toLowerCase()];
  if (!t) return [];
  return Array.isArray(t) ? t : [t];
}

const FIRST_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);
const NOT_PERSON_TAGS = new Set([
  'Month', 'WeekDay', 'Date', 'City', 'Country', 'Region', 'Place', 'Organization', 'Holiday',
  'Unit', 'Currency', 'Demonym', 'Language',
]);

/** A known given name ("Dana", "Desmond", "Luz"). */
export function isFirstName(word: string): boolean {
  return tags(word).some((t) => FIRST_NAME_TAGS.has(t));
}

/** A known surname ("Holt", "Ruiz"). */
export function isLastName(word: string): boolean {
  return tags(word).includes('LastName');
}

/** A month, weekday, place, organisation or similar: never part of a person's name. */
export function isNonPersonProper(word: string): boolean {
  return tags(word).some((t) => NOT_PERSON_TAGS.has(t));
}

/** A word the lexicon knows, but not as a name: an ordinary English word. */
export function isCommonWord(word: string): boolean {
  const t = tags(word);
  return t.length > 0 && !t.some((x) => FIRST_NAME_TAGS.has(x) || x === 'LastName');
}

/** Unknown to the lexicon (often a surname or a company name). */
export function isUnknownWord(word: string): boolean {
  return tags(word).length === 0;
}

/** A noun ("numbers", "team"): a capitalised word right before one is an attribute, not a person. */
export function isNoun(word: string): boolean {
  return tags(word).some((t) => t === 'Noun' || t === 'Singular' || t === 'Plural' || t === 'Uncountable' || t === 'Actor');
}

/** A verb form ("said", "runs", "offered"). */
export function isVerb(word: string): boolean {
  return tags(word).some((t) => /Tense|Infinitive|Gerund|Verb|Modal|Copula|Auxiliary/.test(t));
}

const FUNCTION_TAGS = /^(?:Adverb|Expression|Conjunction|Preposition|Determiner|Pronoun|QuestionWord|Modal|Copula|Auxiliary|PresentTense|PastTense|Infinitive|Gerund|Negative|Reflexive|Possessive)$/;

/** A function word, adverb, interjection or verb ("Honestly", "Thanks", "Hey"): not the start of a name. */
export function isFunctionWord(word: string): boolean {
  if (/ly$/i.test(word) && !isFirstName(word)) return true;
  return tags(word).some((t) => FUNCTION_TAGS.test(t)) && !isFirstName(word);
}

type Conjugation = Partial<Record<'Infinitive' | 'PastTense' | 'PresentTense' | 'Gerund' | 'Participle', string>>;
const conjugate = (nlp.methods() as { two: { transform: { verb: { conjugate: (v: string, m: unknown) => Conjugation } } } }).two.transform.verb.conjugate;
const model = nlp.model();

export type VerbForm = 'base' | 'past' | 'participle' | 'present' | 'gerund';

/**
 * Every inflection of the given verbs, as a regex alternation source ("show" -> show|showed|
 * shown|shows|showing), from compromise's conjugator. Cues are written as lemmas and match
 * whatever tense the buyer uses ("I've already shown the demo", "she forwarded it"). A lemma may
 * carry a particle ("walk through" -> walked through). Computed once, when a cue list is built.
 */
export function verbForms(lemmas: readonly string[], forms: readonly VerbForm[] = ['base', 'past', 'participle', 'present', 'gerund']): string {
  const out = new Set<string>();
  for (const lemma of lemmas) {
    const [verb, ...rest] = lemma.split(' ');
    const particle = rest.length ? ` ${rest.join(' ')}` : '';
    const c = conjugate(verb!, model);
    const past = c.PastTense ?? `${verb}ed`;
    const byForm: Record<VerbForm, string | undefined> = {
      base: c.Infinitive ?? verb,
      past,
      participle: c.Participle ?? past,
      present: c.PresentTense,
      gerund: c.Gerund,
    };
    for (const f of forms) {
      const w = byForm[f];
      if (w) out.add(`${w}${particle}`);
    }
  }
  return [...out].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}
