/**
 * Sanctions as the story reports them (`verificationStatus: "as_reported"`).
 * Read from the sentence, not from a list:
 *   "<Org> has been under sanctions since 2019 by the United States, which accuses it of …"
 *   "<Org> (formerly …) has also been sanctioned by Washington for developing …"
 *   "This institute was also sanctioned in 2020 by the United States, which cut off its access to
 *    certain American technologies, considering it “…”" + next sentence "A sanction since lifted, as part of …"
 * target = the organisation (or "this institute"/"the company") before the verb;
 * authority = the "by <organisation>" agent; start = "since/in <year>";
 * measure = export control when the story says access to technology was cut off;
 * status = lifted when a following sentence says so.
 */
import type { MeasureType, ReviewFlag, SanctionRecord } from '../types';
import type { EntityRegistry } from './entities';
import { findQuoteSpans, maskQuotes, splitSentences, squash, stripWrappingQuotes, truncate } from './text';

const TRIGGER = /\b(?:under\s+(?:US\s+|U\.S\.\s+|American\s+)?sanctions?|(?:been|was|were|is|are|be)\s+(?:also\s+)?(?:sanctioned|blacklisted))\b/i;
const LIFTED = /\b(?:since\s+lifted|(?:was|been|were)\s+lifted|lifted|removed\s+from\s+the\s+(?:list|entity\s+list)|delisted)\b/i;
const ANAPHOR = /\b(?:this|the)\s+(institute|company|firm|group|agency|ministry|university|bureau)\b/i;

type Draft = SanctionRecord & { paragraph: number };

export type SanctionState = { drafts: Draft[]; flags: ReviewFlag[] };

export const createSanctionState = (): SanctionState => ({ drafts: [], flags: [] });

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
    const trigger = TRIGGER.exec(masked);
    if (!trigger) {
      const last = state.drafts[state.drafts.length - 1];
      if (last && paragraph - last.paragraph <= 1 && LIFTED.test(masked)) {
        last.status = 'lifted';
        const why = /\bas\s+part\s+of\s+(.+)$/i.exec(sentence) ?? /\b(?:because|after)\s+(.+)$/i.exec(sentence);
        if (why) last.delistingReason = trimReason(why[1]);
      }
      continue;
    }

    const before = masked.slice(0, trigger.index);
    const after = masked.slice(trigger.index + trigger[0].length);
    const anaphor = ANAPHOR.exec(before);
    const organization = anaphor ? registry.resolveAnaphor(anaphor[1]) : registry.findOrgMentions(before)[0]?.key;
    const byAt = /\bby\s+(?:the\s+)?/i.exec(after);
    const authority = byAt
      ? registry.findOrgMentions(after).find((m) => m.start === byAt.index + byAt[0].length)?.key
      : undefined;

    if (!organization || !authority) {
      state.flags.push({
        code: 'unknown_entity',
        message: `A sanction is reported but its ${organization ? 'authority' : 'target organisation'} could not be identified: not stored`,
        path,
        excerpt: truncate(sentence),
      });
      continue;
    }
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
    const year = /\b(?:since|in)\s+((?:19|20)\d{2})\b/.exec(masked);
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
