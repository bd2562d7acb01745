/**
 * The people a story has named so far, in order. Surname references ("Lee
 * said", "Ms. Gonzales said") and pronouns are resolved against this list
 * only — never against the world — and only when exactly one person fits.
 *
 * Names come from two places: the attributions the parser itself reads, and
 * compromise's person tagger over every sentence (so "The salon namesake's son,
 * Usman Hasib, runs the business" makes "Hasib said" resolvable later).
 */
import nlp from 'compromise';
import { HONORIFICS, NOT_NAME_WORDS, ORGANIZATION_FORM_WORDS, TITLE_HEAD_WORDS } from '../entity-knowledge';

export type Mention = { name: string; surname: string; at: number; sentence: number; other?: boolean };

const ORG_WORDS = new Set(ORGANIZATION_FORM_WORDS.map((word) => word.toLowerCase()));
const TITLE_WORDS = new Set([...TITLE_HEAD_WORDS, ...HONORIFICS].map((word) => word.toLowerCase()));

/** "Dr Anthony Fauci," → "Anthony Fauci"; "Ms. Lee’s" → "Lee". */
export const cleanPersonName = (raw: string): string => {
  const words = raw
    .replace(/[’']s\b/g, '')
    .replace(/[,;:.!?)]+$/g, '')
    .split(/\s+/)
    .filter(Boolean);
  while (words.length > 1 && TITLE_WORDS.has(words[0].toLowerCase())) words.shift();
  return words.join(' ');
};

/** A name that reads as an organisation's ("… Office", "NBC News") is never a person's. */
export const hasOrganizationForm = (name: string): boolean =>
  name.split(/\s+/).some((word) => ORG_WORDS.has(word.replace(/[’']s$/, '').toLowerCase()));

const GEOGRAPHY = /^(?:North|South|East|West|New|Upper|Lower|Greater)\b|\b(?:County|City|State|States|Island|Islands|River|Street|Avenue|Road|Lake|Mountains?|Valley|Bay|Province|Region|Republic|Kingdom|Canyon|Park|Square|Coast|Sea|Ocean)$/;

const surnameOf = (name: string): string => name.split(/\s+/).pop() ?? name;

export type PeopleMentions = ReturnType<typeof createPeopleMentions>;

export const createPeopleMentions = () => {
  const mentions: Mention[] = [];
  let clock = 0;
  let sentenceNo = 0;

  const add = (raw: string): void => {
    const name = cleanPersonName(raw);
    if (name.split(/\s+/).length < 2 || hasOrganizationForm(name) || !/^\p{Lu}/u.test(name)) return;
    clock += 1;
    mentions.push({ name, surname: surnameOf(name), at: clock, sentence: sentenceNo });
  };

  /**
   * A speaker that is not a named person ("a spokesperson for UCEA said",
   * "Microsoft said"): a pronoun after it no longer points safely back.
   */
  const addOther = (label: string): void => {
    clock += 1;
    mentions.push({ name: label, surname: `\u0000${label}`, at: clock, sentence: sentenceNo, other: true });
  };

  /**
   * Read a sentence: every full personal name in it becomes a mention — the
   * people compromise tags, and proper-noun runs after a title ("“Fleabag”
   * creator Phoebe Waller-Bridge", "Chief Executive Satya Nadella") that are
   * not a place or a body.
   */
  const read = (sentence: string): void => {
    sentenceNo += 1;
    const doc = nlp(sentence);
    const people = doc.people().out('array') as string[];
    for (const person of people) add(person);
    for (const run of doc.match('#ProperNoun+').out('array') as string[]) {
      const words = run.replace(/[“”"‘]/g, '').split(/\s+/).filter(Boolean);
      let lastTitle = -1;
      words.forEach((word, index) => {
        if (TITLE_WORDS.has(word.toLowerCase())) lastTitle = index;
      });
      const name = cleanPersonName(words.slice(lastTitle + 1).join(' '));
      const parts = name.split(' ');
      // compromise's place tagger also takes unusual names for places, so geography is judged by the name's own words
      if (parts.length < 2 || parts.length > 4 || GEOGRAPHY.test(name) || !parts.every((part) => /^\p{Lu}[\p{L}'’-]+$/u.test(part))) continue;
      if (!people.some((person) => cleanPersonName(person) === name)) add(name);
    }
    // "Ajmi Lourimi, a member of …, said": a sentence that opens with a name and an appositive
    const opening = /^(\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{L}'’-]+){1,3}),\s+(?:an?|the)\s/u.exec(sentence.trim());
    if (opening && !NOT_NAME_WORDS.includes(opening[1].split(' ')[0]) && !GEOGRAPHY.test(opening[1])) add(opening[1]);
  };

  /** Full names seen so far whose surname is `surname` (distinct, in order of first mention). */
  const bySurname = (surname: string): string[] => {
    const bare = cleanPersonName(surname);
    return [...new Set(mentions.filter((m) => m.surname === bare).map((m) => m.name))];
  };

  /** Distinct people (by surname) mentioned after time `at`, other than `except`. */
  const others = (at: number, except: string): string[] => {
    const surname = surnameOf(except);
    return [...new Set(mentions.filter((m) => m.at > at && m.surname !== surname).map((m) => m.name))];
  };

  /**
   * The one person a pronoun can point back to when no one has spoken yet: the
   * last person named, if nobody else was named in that sentence or since.
   */
  const soleRecent = (): string | null => {
    const last = [...mentions].reverse().find((m) => !m.other);
    if (!last || mentions.some((m) => m.at > last.at && m.other)) return null;
    const rivals = mentions.filter((m) => !m.other && m.sentence === last.sentence && m.surname !== last.surname);
    return rivals.length === 0 ? last.name : null;
  };

  return { add, addOther, read, bySurname, others, soleRecent, now: () => clock };
};
