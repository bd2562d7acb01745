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
