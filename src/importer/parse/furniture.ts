/**
 * Page furniture that sits between a story's paragraphs and reads like text,
 * recognised by its form, never by one outlet's wording:
 *  - media and section titles: the title of a gallery, video or numbers box
 *    embedded in the article ("UK news in pictures", "Show all 50");
 *  - picture captions that end in their credit, however long (a wire caption
 *    is often two full sentences: "… the agency said.(Name/ Agency photo via AP)");
 *  - the outlet's correction notice ("This version corrects…", "An earlier
 *    version of this story…"): not story text, but an editor must see it, so
 *    it is kept in the audit trail with its own reason (see noise.ts).
 */
import { wordCount } from './text';

/** A title is a label: a handful of words and no sentence punctuation. */
const MAX_TITLE_WORDS = 8;

const MEDIA_NOUN = '(?:pictures|photos|photographs|images|videos?|numbers|charts|maps|graphics)';

const MEDIA_TITLE = [
  // "UK news in pictures", "Coronavirus in numbers", "The week in photos", "In Pictures"
  new RegExp(`^(?:[\\p{L}\\p{N}'’&,-]+\\s+){0,5}in\\s+${MEDIA_NOUN}$`, 'iu'),
  // "Photo gallery", "Video", "Pictures", "Image gallery"
  /^(?:photo|picture|image|video)s?(?:\s+(?:gallery|galleries|slideshow))?$/i,
  // "View Photos", "See all 24 pictures", "Show all 50", "View gallery"
  new RegExp(`^(?:view|see|show|browse)\\s+(?:all\\s+)?(?:\\d+\\s+)?(?:${MEDIA_NOUN}|photos|gallery|slideshow|\\d+)$`, 'i'),
  // "Watch: …", "Gallery: …", "In pictures: …": a labelled link to a media page
  new RegExp(`^(?:watch|video|gallery|slideshow|in\\s+${MEDIA_NOUN})\\s*:\\s*\\S`, 'iu'),
];

export const isMediaTitle = (text: string): boolean => {
  const line = text.trim();
  if (wordCount(line) === 0) return false;
  // a titled media link may run longer ("Watch: …"); a bare title is short and unpunctuated
  if (MEDIA_TITLE[3].test(line)) return line.length <= 160;
  if (wordCount(line) > MAX_TITLE_WORDS || /[.!?;]$/.test(line)) return false;
  return MEDIA_TITLE.slice(0, 3).some((re) => re.test(line));
};

/** Correction notices are one or two sentences. */
const MAX_NOTICE_CHARS = 400;
const STORY_NOUN = '(?:version|story|article|report|item|post|piece)';
const CORRECTION_NOTICE = [
  // "Correction: …", "Clarification: …", "Editor's note: …", "CORRECTION —"
  /^\(?\s*(?:correction|clarification|editor(?:'|’)?s(?:'|’)?\s+note)s?\s*[:—–-]/i,
  // "This version corrects …", "This story has been updated to …", "This article was amended …"
  new RegExp(
    `^\\(?\\s*this\\s+${STORY_NOUN}\\s+(?:corrects|updates|clarifies|amends|(?:has\\s+been|was|had\\s+been)\\s+(?:corrected|updated|amended|clarified|changed))\\b`,
    'i',
  ),
  // "An earlier version of this story misstated …"
  new RegExp(`^\\(?\\s*an?\\s+(?:earlier|previous|prior)\\s+version\\s+of\\s+this\\s+${STORY_NOUN}\\b`, 'i'),
];

export const isCorrectionNotice = (text: string): boolean => {
  const line = text.trim();
  return line.length <= MAX_NOTICE_CHARS && CORRECTION_NOTICE.some((re) => re.test(line));
};

/** Longer than any caption: a paragraph that happens to end in brackets. */
const MAX_CAPTION_CHARS = 700;
/**
 * A credit in brackets right after the caption's last sentence, naming the
 * picture and its source: "(AP Photo/Jane Doe)", "(Name/ Agency photo via AP)",
 * "(Reuters/Jane Doe)", "(Photo by Jane Doe/Getty Images)".
 */
const CREDIT_TAIL = /[.!?”"’]\s*\((?<credit>[^()]{3,160})\)\s*$/u;
const CREDIT_WORDS = /\b(?:photo|photograph|picture|image|pool|getty images|afp|epa|reuters|ap|shutterstock|alamy)\b/i;
const CREDIT_FORM = /\/|\bvia\b|^\s*(?:photo|picture|image)(?:graph)?\s+(?:by|credit)\b|^\s*ap\s+photo\b/i;

export const isCreditedCaption = (text: string): boolean => {
  const line = text.trim();
  if (line.length > MAX_CAPTION_CHARS) return false;
  const credit = CREDIT_TAIL.exec(line)?.groups?.credit;
  return credit !== undefined && CREDIT_WORDS.test(credit) && CREDIT_FORM.test(credit);
};
