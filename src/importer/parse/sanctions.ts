/**
 * Sanctions as the story reports them (`verificationStatus: "as_reported"`).
 * Read from the sentence's grammar, not from a list of phrasings:
 *  - passive: "<target> has been sanctioned / is under sanctions … by <authority>";
 *  - active: "<authority> imposed a (comprehensive trade) embargo / sanctions / export controls on|against <target>",
 *    "<authority> sanctioned <target>";
 *  - noun form: "American sanctions on <target>" (a state's demonym names the authority).
 * A target is an organisation of the lexicon or a country (compromise's place
 * tagging); an authority is a lexicon organisation with a country, a state's
 * demonym, or, for a head of government ("President Bill Clinton imposed …"),
 * the one national government the story has named — never a guess between two.
 * Examples from the seed story:
 *   "<Org> has been under sanctions since 2019 by the United States, which accuses it of …"
 *   "<Org> (formerly …) has also been sanctioned by Washington for developing …"
 *   "This institute was also sanctioned in 2020 by the United States, which cut off its access to
 *    certain American technologies, considering it “…”" + next sentence "A sanction since lifted, as part of …"
 * target = the organisation (or "this institute"/"the company") before the verb;
 * authority = the "by <organisation>" agent; start = "since/in <year>";
 * measure = export control when the story says access to technology was cut off;
 * status = lifted when a following sentence says so.
 */
import nlp from 'compromise';
import { STATE_DEMONYMS } from '../entity-knowledge';
import type { MeasureType, ReviewFlag, SanctionRecord } from '../types';
import type { EntityRegistry } from './entities';
import { escapeRegExp, findQuoteSpans, maskQuotes, splitSentences, squash, stripWrappingQuotes, truncate } from './text';

const TRIGGER = /\b(?:under\s+(?:US\s+|U\.S\.\s+|American\s+)?sanctions?|(?:been|was|were|is|are|be)\s+(?:also\s+)?(?:sanctioned|blacklisted))\b/i;
const LIFTED = /\b(?:since\s+lifted|(?:was|been|were)\s+lifted|lifted|removed\s+from\s+the\s+(?:list|entity\s+list)|delisted)\b/i;
const ANAPHOR = /\b(?:this|the)\s+(institute|company|firm|group|agency|ministry|university|bureau)\b/i;

const MEASURE = String.raw`(?:(?:trade|arms|oil|economic|financial)\s+)?(?:sanctions?|embargo(?:es)?)|export\s+(?:controls?|bans?)|asset\s+freezes?`;
const MODIFIER = String.raw`(?:an?|the|new|fresh|further|additional|sweeping|comprehensive|broad|tough|targeted|punitive|strict|wide-ranging)`;
/** "<authority> imposed a comprehensive trade embargo against <target>" (the target follows the match). */
const ACTIVE = new RegExp(
  String.raw`\b(?:imposed|imposes|impose|imposing|slapped|placed|levied|reimposed|re-imposed|announced|tightened|extended)\s+(?:${MODIFIER}\s+)*(?:${MEASURE})\s+(?:on|against|upon)\s+`,
  'i',
);
/** "<authority> sanctioned <Target>": the active verb, not "was sanctioned". */
const ACTIVE_SANCTIONED = /(?<!\b(?:been|was|were|is|are|be)\s+(?:also\s+)?)\b(?:sanctioned|blacklisted)\s+(?=(?:the\s+)?\p{Lu})/u;
const DEMONYM = `(?<![\\p{L}.])(?:${Object.keys(STATE_DEMONYMS).map(escapeRegExp).join('|')})(?![\\p{L}])`;
/** "American sanctions on <target>", "U.S. trade embargo against <target>". */
const NOUN_FORM = new RegExp(`(?<demonym>${DEMONYM})\\s+(?:${MEASURE})\\s+(?:on|against)\\s+`, 'u');
/** "President Bill Clinton", "Prime Minister …", "the Obama administration": acts for a national government. */
const HEAD_OF_GOVERNMENT = /\b(?:President|Prime\s+Minister|Premier|Chancellor)\s+\p{Lu}|\b\p{Lu}\p{L}+\s+administration\b/u;
const NATIONAL_GOVERNMENT = /\bgovernment\b/i;
/** A capitalised run at the start of a text ("Sudan and …", "North Korea's …"). */
const CAPITAL_RUN = /^(?:the\s+)?(?<run>\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,3})/u;
const CAPITAL_RUN_AT_END = /(?<run>\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,3})\s*$/u;

type Draft = SanctionRecord & { paragraph: number };

export type SanctionState = {
  drafts: Draft[];
  flags: ReviewFlag[];
  /** National governments the story has named so far (lexicon keys), for "President X imposed …". */
  governments: Set<string>;
};

export const createSanctionState = (): SanctionState => ({ drafts: [], flags: [], governments: new Set() });

const demonymState = (demonym: string, registry: EntityRegistry): string | undefined => {
  const name = STATE_DEMONYMS[demonym];
  return name ? registry.lookupOrg(name) : undefined;
};

/** Remember the national governments a text names ("the United States", "the American government"). */
export const noteGovernments = (text: string, registry: EntityRegistry, state: SanctionState): void => {
  for (const mention of registry.findOrgMentions(text)) {
    const org = registry.org(mention.key) ?? { name: mention.text };
    if (NATIONAL_GOVERNMENT.test(org.name)) state.governments.add(mention.key);
  }
  const named = new RegExp(`(?<demonym>${DEMONYM})\\s+(?:government|administration|officials)\\b`, 'gu');
  for (const match of text.matchAll(named)) {
    const key = demonymState(match.groups?.demonym ?? '', registry);
    if (key) state.governments.add(key);
  }
};

/** A target named as a country (not in the lexicon): "Sudan", "North Korea". */
const isCountry = (name: string): boolean => nlp(name).has('#Country');

type Target = { key: string } | { country: string };

/** The target at the start of `text` (after "on"/"against"/"sanctioned"): a lexicon organisation or a country. */
const targetAtStart = (text: string, registry: EntityRegistry): Target | undefined => {
  const offset = /^(?:the\s+)?/i.exec(text)?.[0].length ?? 0;
  const org = registry.findOrgMentions(text).find((m) => m.start === offset || m.start === 0);
  if (org) return { key: org.key };
  const run = CAPITAL_RUN.exec(text)?.groups?.run;
  const country = run && [run, run.split(/\s+/)[0]].find(isCountry);
  return country ? { country } : undefined;
};

/** The target just before a passive verb ("Venezuela was sanctioned"): anaphor, lexicon organisation or country. */
const targetBefore = (before: string, registry: EntityRegistry): Target | undefined => {
  const anaphor = ANAPHOR.exec(before);
  const key = anaphor ? registry.resolveAnaphor(anaphor[1]) : registry.findOrgMentions(before)[0]?.key;
  if (key) return { key };
  const run = CAPITAL_RUN_AT_END.exec(before.replace(/\b(?:has|have|had)\s*$/i, '').trimEnd())?.groups?.run;
  return run && isCountry(run) ? { country: run } : undefined;
};

/** The authority that is the subject before an active verb. */
const subjectAuthority = (before: string, registry: EntityRegistry, state: SanctionState, target?: Target): string | undefined => {
  const mentions = registry.findOrgMentions(before);
  if (mentions.length > 0) return mentions[mentions.length - 1].key;
  const demonym = new RegExp(DEMONYM, 'u').exec(before);
  if (demonym) return demonymState(demonym[0], registry);
  if (!HEAD_OF_GOVERNMENT.test(before)) return undefined;
  const candidates = [...state.governments].filter((key) => !(target && 'key' in target && target.key === key));
  return candidates.length === 1 ? candidates[0] : undefined;
};

type Reading = { target?: Target; authority?: string };

const readSentence = (masked: string, registry: EntityRegistry, state: SanctionState): Reading | null => {
  const passive = TRIGGER.exec(masked);
  if (passive) {
    const after = masked.slice(passive.index + passive[0].length);
    const byAt = /\bby\s+(?:the\s+)?/i.exec(after);
    const authority = byAt ? registry.findOrgMentions(after).find((m) => m.start === byAt.index + byAt[0].length)?.key : undefined;
    return { target: targetBefore(masked.slice(0, passive.index), registry), authority };
  }
  const noun = NOUN_FORM.exec(masked);
  if (noun) {
    return { target: targetAtStart(masked.slice(noun.index + noun[0].length), registry), authority: demonymState(noun.groups?.demonym ?? '', registry) };
  }
  const active = ACTIVE.exec(masked) ?? ACTIVE_SANCTIONED.exec(masked);
  if (active) {
    const target = targetAtStart(masked.slice(active.index + active[0].length), registry);
    return { target, authority: subjectAuthority(masked.slice(0, active.index), registry, state, target) };
  }
  return null;
};

const trimReason = (text: string): string => squash(text).replace(/[\s.,;]+$/, '');

const reasonOf = (sentence: string): string | undefined => {
  const accuses = /\bwhich\s+accuses\s+(?:it|them)\s+of\s+([^,.;]+)/i.exec(sentence);
  if (accuses) return `accused of ${trimReason(accuses[1])}`;
  const considering = /\b(?:considering|deeming|calling)\s+(?:it|them)\s+(.+)$/i.exec(sentence);
  if (considering) return trimReason(stripWrappingQuotes(trimReason(considering[1]).replace(/[.”"]+$/, '').replace(/^[“"]/, '')));
  const forGerund = /\bfor\s+(\p{Ll}+ing\b.+)$/u.exec(sentence);
  if (forGerund) return trimReason(forGerund[1].replace(/\.$/, ''));
  return undefined;
};

const measureOf = (sentence: string): MeasureType => {
  if (/\baccess\s+to\b[^.]*\btechnolog/i.test(sentence) || /\bexport\s+(?:controls?|ban)\b|\bentity\s+list\b/i.test(sentence)) return 'export_control';
  if (/\binvest(?:ment|ing|ors?)\b/i.test(sentence)) return 'investment_ban';
  return 'sanction';
};

/** Read one paragraph (`paragraph` = index among paragraphs) for sanction facts. */
export const extractSanctionsFromParagraph = (
  text: string,
  paragraph: number,
  path: string,
  registry: EntityRegistry,
  state: SanctionState,
): void => {
  for (const sentence of splitSentences(text)) {
    const masked = maskQuotes(sentence, findQuoteSpans(sentence));
    const reading = readSentence(masked, registry, state);
    noteGovernments(masked, registry, state);
    if (!reading) {
      const last = state.drafts[state.drafts.length - 1];
      if (last && paragraph - last.paragraph <= 1 && LIFTED.test(masked)) {
        last.status = 'lifted';
        const why = /\bas\s+part\s+of\s+(.+)$/i.exec(sentence) ?? /\b(?:because|after)\s+(.+)$/i.exec(sentence);
        if (why) last.delistingReason = trimReason(why[1]);
      }
      continue;
    }

    const { target, authority } = reading;
    if (!target || !authority) {
      state.flags.push({
        code: 'unknown_entity',
        message: `A sanction is reported but its ${target ? 'authority' : 'target organisation'} could not be identified: not stored`,
        path,
        excerpt: truncate(sentence),
      });
      continue;
    }
    // a country the lexicon lacks becomes an organisation (its government) only once the record is certain
    const organization = 'key' in target ? target.key : registry.resolveOrg(target.country, 'government_agency');
    registry.noteOrg(organization);
    registry.noteOrg(authority);
    const authorityCountry = registry.org(authority)?.country;
    if (!authorityCountry) {
      state.flags.push({
        code: 'unknown_entity',
        message: `Sanction authority "${registry.org(authority)?.name ?? authority}" has no known country: record not stored`,
        path,
        excerpt: truncate(sentence),
      });
      continue;
    }

    const base = `reported-${organization}`;
    const taken = state.drafts.filter((d) => d.key === base || d.key.startsWith(`${base}-`)).length;
    const draft: Draft = {
      key: taken === 0 ? base : `${base}-${taken + 1}`,
      organization,
      authority,
      authorityCountry,
      measureType: measureOf(masked),
      status: 'active',
      verificationStatus: 'as_reported',
      paragraph,
    };
    const year = /\b(?:since|in)\s+((?:19|20)\d{2})\b/i.exec(masked);
    if (year) draft.startDate = year[1];
    const reason = reasonOf(sentence);
    if (reason) draft.reason = reason;
    state.drafts.push(draft);
  }
};

/** The records, with the parser's bookkeeping removed and fields in a stable order. */
export const sanctionRecords = (state: SanctionState): SanctionRecord[] =>
  state.drafts.map(({ paragraph: _paragraph, ...record }) => {
    const out: SanctionRecord = {
      key: record.key,
      organization: record.organization,
      authority: record.authority,
      authorityCountry: record.authorityCountry,
      measureType: record.measureType,
      status: record.status,
      verificationStatus: record.verificationStatus,
    };
    if (record.program) out.program = record.program;
    if (record.startDate) out.startDate = record.startDate;
    if (record.endDate) out.endDate = record.endDate;
    if (record.listingDate) out.listingDate = record.listingDate;
    if (record.reason) out.reason = record.reason;
    if (record.delistingReason) out.delistingReason = record.delistingReason;
    if (record.sourceUrl) out.sourceUrl = record.sourceUrl;
    return out;
  });
