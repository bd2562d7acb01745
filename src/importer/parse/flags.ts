/**
 * Review flags: what an editor must look at before publishing. Every flag has
 * a code, a human message, and where possible the bundle path and an excerpt.
 */
import { TRANSLATION_ARTEFACTS } from '../constants';
import type { Block, Credit, RemovedBlock, ReviewFlag } from '../types';
import type { ResolvedDate } from './dates';
import { blockText } from './body';
import { redactContactDetails, truncate } from './text';

export type TextLocation = { path: string; text: string };

/** Where the story text lives in the bundle: the standfirst and each body block. */
export const textLocations = (standfirst: string, body: readonly Block[]): TextLocation[] => [
  { path: 'article.standfirst', text: standfirst },
  ...body.map((block, index) => ({ path: `article.body[${index}]`, text: blockText(block) })),
];

export type ArtefactHit = { path: string; phrase: string; suggestion: string; explanation: string; sourceLanguage: string };

/** Find known machine-translation calques ("from the stranger", "phones mobile"). */
export const findTranslationArtefacts = (locations: readonly TextLocation[]): ArtefactHit[] => {
  const hits: ArtefactHit[] = [];
  for (const location of locations) {
    for (const artefact of TRANSLATION_ARTEFACTS) {
      const match = artefact.pattern.exec(location.text);
      if (match) {
        hits.push({
          path: location.path,
          phrase: match[0],
          suggestion: artefact.suggestion,
          explanation: artefact.explanation,
          sourceLanguage: artefact.sourceLanguage,
        });
      }
    }
  }
  return hits;
};

export const garbledFlags = (hits: readonly ArtefactHit[]): ReviewFlag[] =>
  hits.map((hit) => ({
    code: 'garbled_translation',
    message: `Machine-translation error "${hit.phrase}": probably "${hit.suggestion}" (${hit.explanation}). Kept verbatim; an editor should correct it.`,
    path: hit.path,
    excerpt: hit.phrase,
  }));

export const relativeDateFlag = (printed: string, resolved: ResolvedDate, retrievedAt?: string): ReviewFlag => {
  const scrape = `Publication date printed relative to the scrape ("${printed}")`;
  const message = !retrievedAt
    ? `${scrape} and no retrievedAt was given: datePublished left null. Supply the scrape time or the agency timestamp.`
    : resolved.iso === null
      ? resolved.around
        ? `${scrape}: a span, not a day (around ${resolved.around}, from retrievedAt ${retrievedAt}); datePublished left null. Set it from the agency feed.`
        : `${scrape}: could not be read against retrievedAt ${retrievedAt}; datePublished left null. Set it from the agency feed.`
      : `${scrape}: resolved to ${resolved.iso} from retrievedAt ${retrievedAt}, reading the clock time in retrievedAt's timezone (UTC when it has no offset)${
          resolved.precision === 'day' ? '; no clock time was printed, so 00:00 stands for the day' : ''
        }. Confirm against the agency feed.`;
  return { code: 'relative_date', message, path: 'article.datePublished', excerpt: printed };
};

export const conflictingBylinesFlag = (
  credits: readonly Credit[],
  orgName: (key: string) => string = (key) => key,
): ReviewFlag | null => {
  const reporter = credits.find((c) => c.role === 'reporter');
  const byline = credits.find((c) => c.role === 'byline');
  if (!reporter || !byline || reporter.name === byline.name) return null;
  return {
    code: 'conflicting_bylines',
    message: `The story's byline credits ${reporter.name}${reporter.organization ? ` (${orgName(reporter.organization)})` : ''} as reporter, but the republishing site's author box says "By ${byline.name}". Kept both: ${reporter.name} as 'reporter', ${byline.name} as 'byline'. Confirm who to credit.`,
    path: 'article.credits',
    excerpt: `${reporter.name} / ${byline.name}`,
  };
};

export const removedFlags = (removed: readonly RemovedBlock[]): ReviewFlag[] =>
  removed.map((block, index) => ({
    code: 'removed_block',
    message: `Removed ${block.kind.replace(/_/g, ' ')}: ${block.reason}`,
    path: `removed[${index}]`,
    excerpt: truncate(redactContactDetails(block.text)),
  }));

export const inferredFieldFlag = (path: string, message: string, excerpt?: string): ReviewFlag => ({
  code: 'inferred_field',
  message,
  path,
  ...(excerpt ? { excerpt } : {}),
});
