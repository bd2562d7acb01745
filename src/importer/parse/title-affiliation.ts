/**
 * The organisation a speaker's title names: "Microsoft President Brad Smith",
 * "Microsoft’s President …", "Department of Correction spokesman …". The title
 * is stripped of its rank words from the end; what is left must read as an
 * organisation — one the lexicon knows, or a name compromise tags as an
 * organisation, or one with an organisation's form ("… Department"). A rank
 * alone ("Chief Executive"), a portfolio ("Health Secretary"), a place ("Texas
 * Governor") or a former post ties the person to nothing.
 */
import nlp from 'compromise';
import { TITLE_HEAD_WORDS } from '../entity-knowledge';
import { hasOrganizationForm } from './people-mentions';

/** Words that qualify a rank and belong to the title, not to the organisation's name. */
const RANK_WORDS = new Set(
  [...TITLE_HEAD_WORDS, 'vice', 'deputy', 'senior', 'acting', 'managing', 'associate', 'assistant', 'executive', 'chief', 'general', 'interim', 'press', 'spokesperson', 'spokesman', 'spokeswoman']
    .map((word) => word.toLowerCase()),
);

export const organizationInTitle = (title: string, isKnown: (name: string) => boolean): string | undefined => {
  if (/\b(?:former|ex-|retired|onetime|then)\b/i.test(title)) return undefined;
  const words = title.trim().split(/\s+/);
  while (words.length > 0 && RANK_WORDS.has(words[words.length - 1].toLowerCase())) words.pop();
  const name = words.join(' ').replace(/(?:'|’)s$/, '').trim();
  if (!name || !/^\p{Lu}/u.test(name)) return undefined;
  if (isKnown(name)) return name;
  return nlp(name).has('#Organization') || hasOrganizationForm(name) ? name : undefined;
};

/** Kinds of body a lower-case noun can stand for in "association executive director Tim Lee". */
const BODY_NOUNS = ['association', 'union', 'company', 'agency', 'department', 'institute', 'university', 'council', 'commission', 'charity', 'foundation', 'society', 'federation'];
const TITLED = new RegExp(
  String.raw`\b(?<noun>${BODY_NOUNS.join('|')})\s+(?<title>(?:[a-z-]+\s+){0,2}(?:director|president|chairman|chairwoman|chair|spokesman|spokeswoman|spokesperson|secretary|officer|head|founder|manager|executive))\s+(?<name>\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{L}'’-]+){1,2})`,
  'gu',
);

export type TitledMention = { name: string; title: string; org: string };

/**
 * "…the Texas Retired Teachers Association (TRTA), and association executive
 * director Tim Lee told…": the person, the title, and the body the noun stands
 * for — the last name of that kind ("… Association") earlier in the sentence.
 * Without one, nothing: the noun alone does not say which body.
 */
export const titledMentions = (sentence: string): TitledMention[] => {
  const out: TitledMention[] = [];
  for (const match of sentence.matchAll(TITLED)) {
    const { noun, title, name } = match.groups ?? {};
    const head = noun.charAt(0).toUpperCase() + noun.slice(1);
    const bodies = [...sentence.slice(0, match.index).matchAll(new RegExp(String.raw`(?:\p{Lu}[\p{L}’'&.-]*\s+){0,5}${head}(?:\s+of(?:\s+the)?(?:\s+\p{Lu}[\p{L}’'&.-]*){1,4})?`, 'gu'))];
    const body = bodies.pop()?.[0].trim();
    if (body && body !== head) out.push({ name, title: `${noun} ${title}`, org: body });
  }
  return out;
};
