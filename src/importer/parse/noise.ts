/**
 * Label every block of a scraped page and take out what is not the story:
 * share widgets, ads, "Read also" boxes and their links, the republishing
 * site's author box (name, "By …", bio, contact details), and the header lines
 * whose content moves into article fields (photo, byline, date, section).
 */
import type { RemovedBlock, RemovedKind } from '../types';
import { isBareName, parseFooterByline, parseHeaderByline } from './byline';
import { matchBoilerplate } from './boilerplate';
import { isDateLine } from './dates';
import { isPhotoLine } from './photo';
import { isSubhead } from './body';
import { isCorrectionNotice, isCreditedCaption, isMediaTitle } from './furniture';
import {
  containsContactDetails,
  isBulletLine,
  redactContactDetails,
  splitSentences,
  stripBullet,
  wordCount,
} from './text';

export type BlockRole =
  | 'headline'
  | 'heading'
  | 'paragraph'
  | 'photo_line'
  | 'byline'
  | 'date_line'
  | 'section_line'
  | 'share_line'
  | 'advertisement'
  | 'read_also'
  | 'bullet'
  | 'author_box_name'
  | 'author_byline'
  | 'author_bio'
  | 'contact'
  | 'boilerplate'
  | 'media_title'
  | 'caption'
  | 'correction_notice';

export type LabelledBlock = { index: number; text: string; role: BlockRole };

const SHARE_LINE = /^(?:spread the love|share(?: this(?: article| story)?)?|share on (?:facebook|twitter|x|whatsapp|linkedin)|tweet(?: this)?|e-?mail this(?: article)?|print this(?: article)?)[.!:]?$/i;
const AD_WORDS = /\b(?:deposit bonus|first deposit|free spins|casino|betting|bet now|sign-?up bonus|sponsored content|advertisement|promo code)\b/i;
const READ_ALSO = /^(?:read also|also read|read more|see also|related(?: articles| stories)?|more on this(?: topic)?)\s*:?$/i;
const CONTACT_CUE = /\b(?:get in touch|contact (?:me|her|him|us)|reach (?:me|her|him) at|follow (?:me|her|him) on)\b/i;

export const isShareLine = (text: string): boolean => SHARE_LINE.test(text.trim());
export const isAdvertisement = (text: string): boolean => AD_WORDS.test(text);
export const isReadAlsoLabel = (text: string): boolean => READ_ALSO.test(text.trim());

/** A short, unpunctuated line that can be the headline. */
const looksLikeHeadline = (text: string): boolean => wordCount(text) >= 2 && wordCount(text) <= 25 && !/[.!?:]$/.test(text.trim());

/** Does this block read as running text rather than a label? */
const looksLikeParagraph = (text: string): boolean => /[.!?…”"]$/.test(text.trim()) || wordCount(text) > 12;

const REASONS: Record<RemovedKind, string> = {
  share_line: 'social-share widget text from the scraped page',
  advertisement: 'advertisement injected into the scraped page',
  read_also: '"Read also" box of links to other stories on the scraping site',
  bullet: 'link in the "Read also" box',
  photo_line: 'split into article.leadImage (caption, credit) and a photographer credit',
  byline: 'kept in article.byline / article.credits, not in the body',
  date_line: 'kept as article.publishedAtText (and datePublished when resolvable)',
  section_line: 'kept as article.section',
  author_bio: "biography from the republishing site's author box; not part of the agency story",
  contact: "contact details from the republishing site's author box (e-mail/phone redacted)",
  boilerplate: 'site furniture',
  caption: 'figure or media caption on the page, not the story text',
  related_link: 'link to another story (the block is almost all link text)',
};

export const removalReason = (kind: RemovedKind, override?: string): string => override ?? REASONS[kind];

/**
 * Label blocks in document order. Header lines (photo, byline, date, section)
 * are recognised only before the first paragraph; the author box only after
 * the story.
 */
export const labelBlocks = (blocks: readonly string[]): LabelledBlock[] => {
  const roles: (BlockRole | undefined)[] = blocks.map(() => undefined);

  // 1. Author box at the foot: [bare name] "By Name" [bio / contact …]
  let footerStart = blocks.length;
  for (let i = blocks.length - 1; i >= 0; i -= 1) {
    const name = parseFooterByline(blocks[i]);
    if (name === null) continue;
    // an author box follows the story: a "By …" line before any paragraph is a header byline
    if (!blocks.slice(0, i).some(looksLikeParagraph)) break;
    roles[i] = 'author_byline';
    footerStart = i;
    if (i > 0 && isBareName(blocks[i - 1], name)) {
      roles[i - 1] = 'author_box_name';
      footerStart = i - 1;
    }
    for (let j = i + 1; j < blocks.length; j += 1) {
      roles[j] = containsContactDetails(blocks[j]) || CONTACT_CUE.test(blocks[j]) ? 'contact' : 'author_bio';
    }
    break;
  }

  // 2. Everything else, in order.
  let seenParagraph = false;
  let inReadAlso = false;
  for (let i = 0; i < footerStart; i += 1) {
    const text = blocks[i];
    if (isShareLine(text)) roles[i] = 'share_line';
    else if (isCorrectionNotice(text)) roles[i] = 'correction_notice';
    else if (isCreditedCaption(text)) roles[i] = 'caption';
    else if (isMediaTitle(text)) roles[i] = 'media_title';
    else if (isAdvertisement(text)) roles[i] = 'advertisement';
    else if (isReadAlsoLabel(text)) {
      roles[i] = 'read_also';
      inReadAlso = true;
      continue;
    } else if (!isPhotoLine(text) && !isDateLine(text) && matchBoilerplate(text)) roles[i] = 'boilerplate';
    else if (isBulletLine(text)) {
      if (inReadAlso) roles[i] = 'bullet';
      else if (!seenParagraph && wordCount(stripBullet(text)) <= 4) roles[i] = 'section_line';
      else roles[i] = 'paragraph';
      if (inReadAlso) continue;
    } else if (!seenParagraph && isPhotoLine(text)) roles[i] = 'photo_line';
    else if (!seenParagraph && isDateLine(text)) roles[i] = 'date_line';
    else if (!seenParagraph && parseHeaderByline(text)) roles[i] = 'byline';
    else if (!seenParagraph && !roles.includes('headline') && looksLikeHeadline(text)) roles[i] = 'headline';
    else if (seenParagraph && isSubhead(text)) roles[i] = 'heading';
    else if (looksLikeParagraph(text) || seenParagraph) {
      roles[i] = 'paragraph';
      seenParagraph = true;
    } else roles[i] = 'heading';
    inReadAlso = false;
  }

  return blocks.map((text, index) => ({ index, text, role: roles[index] ?? 'paragraph' }));
};

const REMOVED_KIND_BY_ROLE: Partial<Record<BlockRole, RemovedKind>> = {
  photo_line: 'photo_line',
  byline: 'byline',
  date_line: 'date_line',
  section_line: 'section_line',
  share_line: 'share_line',
  advertisement: 'advertisement',
  read_also: 'read_also',
  bullet: 'bullet',
  author_box_name: 'byline',
  author_byline: 'byline',
  author_bio: 'author_bio',
  contact: 'contact',
  boilerplate: 'boilerplate',
  media_title: 'boilerplate',
  caption: 'caption',
  correction_notice: 'boilerplate',
};

/** Why a block recognised by its form (furniture.ts, boilerplate.ts) was taken out. */
const FORM_REASONS: Partial<Record<BlockRole, string>> = {
  media_title: 'site furniture: title of a gallery, video or section box inside the page',
  caption: 'picture caption ending in its credit, not the story text',
  correction_notice:
    "the source's correction notice, not story text: an editor should carry it as a correction (article.corrections) with its date",
};

/**
 * The audit trail of what was taken out, in document order. Contact sentences
 * inside a bio are split off as `contact`; e-mail addresses and phone numbers
 * are redacted everywhere.
 */
export const removedBlocks = (labels: readonly LabelledBlock[]): RemovedBlock[] => {
  const removed: RemovedBlock[] = [];
  for (const block of labels) {
    const kind = REMOVED_KIND_BY_ROLE[block.role];
    if (!kind) continue;
    if (block.role === 'author_box_name') {
      removed.push({ kind, text: block.text, reason: "author name from the republishing site's author box" });
      continue;
    }
    if (block.role === 'author_byline') {
      removed.push({ kind, text: block.text, reason: "byline from the republishing site's author box: kept as a 'byline' credit" });
      continue;
    }
    if (kind === 'author_bio' || kind === 'contact') {
      const sentences = splitSentences(block.text);
      const contact = sentences.filter((s) => containsContactDetails(s) || CONTACT_CUE.test(s));
      const bio = sentences.filter((s) => !contact.includes(s));
      if (bio.length > 0) removed.push({ kind: 'author_bio', text: redactContactDetails(bio.join(' ')), reason: REASONS.author_bio });
      if (contact.length > 0) removed.push({ kind: 'contact', text: redactContactDetails(contact.join(' ')), reason: REASONS.contact });
      continue;
    }
    const reason =
      FORM_REASONS[block.role] ??
      (kind === 'boilerplate' ? `site furniture: ${matchBoilerplate(block.text)?.why ?? 'layout text'}` : REASONS[kind]);
    removed.push({ kind, text: redactContactDetails(block.text), reason });
  }
  return removed;
};
