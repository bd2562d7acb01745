/**
 * parseStory: scraped wire-story text → StoryBundle. Pure: no I/O, no clock, no
 * network; the same input and options always give the same bundle.
 *
 * Pipeline: guard (empty/binary) → blocks → labels (noise.ts) → header fields
 * (byline.ts, photo.ts, dates.ts) → body blocks (body.ts) → one pass over the
 * paragraphs in order for organisations (entities.ts), quotes (quotes.ts) and
 * sanctions (sanctions.ts) → review flags (flags.ts).
 */
import { BUNDLE_SCHEMA_VERSION, PARSE_MESSAGES } from '../constants';
import { KNOWN_ORGANIZATIONS } from '../entity-knowledge';
import type { Article, Credit, ParseOptions, ReviewFlag, StoryBundle } from '../types';
import { buildBody } from './body';
import { parseAuthorList, parseFooterByline, parseHeaderByline } from './byline';
import { parseWireDateline } from './dateline';
import { parseDateLine, parseRetrievedAt, resolvePublishedDate } from './dates';
import { createEntityRegistry, deriveOrganizationFacts } from './entities';
import {
  conflictingBylinesFlag,
  findTranslationArtefacts,
  garbledFlags,
  inferredFieldFlag,
  relativeDateFlag,
  removedFlags,
  textLocations,
} from './flags';
import { StoryParseError, assertReadableText } from './guard';
import { labelBlocks, removedBlocks } from './noise';
import { parsePhotoLine } from './photo';
import { createQuoteState, extractQuotesFromParagraph } from './quotes';
import { createSanctionState, extractSanctionsFromParagraph, noteGovernments, sanctionRecords } from './sanctions';
import { storyKey } from './story-key';
import { normalizeText, slugify, splitBlocks, squash, stripBullet } from './text';

export { StoryParseError } from './guard';

export const UNNAMED_FILE = '<unnamed story>';

/** The language the importer reads. Stories in other languages are out of scope. */
const STORY_LANGUAGE = 'en';

const fileStem = (file: string): string => {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]+$/, '');
};

/** Order flags by where they point in the bundle (article.standfirst, article.body[0], …). */
const pathOrder = (path = ''): number => {
  if (path === 'article.standfirst') return -1;
  const body = /^article\.body\[(\d+)\]/.exec(path);
  return body ? Number(body[1]) : Number.MAX_SAFE_INTEGER;
};

export const parseStory = (raw: string, opts: ParseOptions = {}): StoryBundle => {
  const file = opts.sourceFile ?? UNNAMED_FILE;
  const text = normalizeText(assertReadableText(raw, file));

  let retrievedAtIso: string | undefined;
  if (opts.retrievedAt !== undefined) {
    try {
      retrievedAtIso = parseRetrievedAt(opts.retrievedAt).iso;
    } catch (error) {
      throw new StoryParseError(file, error instanceof Error ? error.message : PARSE_MESSAGES.badRetrievedAt);
    }
  }

  const page = opts.page;
  const labels = labelBlocks(splitBlocks(text));
  const headline = page?.headline ?? labels.find((block) => block.role === 'headline')?.text;
  if (!headline) throw new StoryParseError(file, PARSE_MESSAGES.noHeadline);
  const items = labels.flatMap((block) =>
    block.role === 'heading' || block.role === 'paragraph' ? [{ role: block.role, text: block.text }] : [],
  );
  if (!items.some((item) => item.role === 'paragraph')) throw new StoryParseError(file, PARSE_MESSAGES.noBody);

  // the CMS's organisations first (an editor's alias wins), then the seed bundle for what the database lacks
  const cmsKeys = new Set((opts.lexicon ?? []).map((org) => org.key));
  const registry = createEntityRegistry([...(opts.lexicon ?? []), ...KNOWN_ORGANIZATIONS.filter((org) => !cmsKeys.has(org.key))]);

  // ---- header: bylines, photo, date, section -------------------------------
  const credits: Credit[] = [];
  const bylineBlock = labels.find((block) => block.role === 'byline');
  const header = bylineBlock ? parseHeaderByline(bylineBlock.text) : null;
  let sourceAgency: string | null = null;
  if (header) {
    const organization = header.organizationText ? registry.resolveOrg(header.organizationText, 'news_agency') : undefined;
    credits.push({ name: header.name, role: 'reporter', ...(organization ? { organization } : {}) });
    if (organization && registry.org(organization)?.orgType === 'news_agency') sourceAgency = organization;
  }

  const agencyNames = KNOWN_ORGANIZATIONS.filter((org) => org.orgType === 'news_agency').flatMap((org) => [
    org.name,
    ...org.alternateNames,
  ]);
  const photoBlock = labels.find((block) => block.role === 'photo_line');
  const photo = photoBlock ? parsePhotoLine(photoBlock.text, agencyNames) : null;
  if (photo?.photographer) {
    const organization = photo.agencyText ? registry.resolveOrg(photo.agencyText, 'news_agency') : undefined;
    credits.push({ name: photo.photographer, role: 'photographer', ...(organization ? { organization } : {}) });
  }

  // a page's own author list, when the text had no header byline: people are credited, agencies are the source
  const pageAuthors = !header && page?.authors?.length ? parseAuthorList(page.authors) : null;
  for (const name of pageAuthors?.people ?? []) credits.push({ name, role: 'reporter' });

  const footerBlock = labels.find((block) => block.role === 'author_byline');
  const footerName = footerBlock ? parseFooterByline(footerBlock.text) : null;
  if (footerName && footerName !== header?.name) credits.push({ name: footerName, role: 'byline' });

  for (const credit of credits) {
    registry.addPerson({
      name: credit.name,
      jobTitle: credit.role === 'byline' ? undefined : credit.role,
      affiliation: credit.organization,
      expertType: 'journalist',
    });
  }

  const dateBlock = labels.find((block) => block.role === 'date_line');
  const pageDate = page?.datePublished && !Number.isNaN(Date.parse(page.datePublished)) ? page.datePublished : null;
  const publishedAtText = pageDate ?? (dateBlock ? parseDateLine(dateBlock.text) : null);
  const published = pageDate
    ? { relative: false, iso: new Date(pageDate).toISOString() }
    : publishedAtText
      ? resolvePublishedDate(publishedAtText, opts.retrievedAt)
      : null;

  const sectionBlock = labels.find((block) => block.role === 'section_line');
  const section = page?.section ?? (sectionBlock ? stripBullet(sectionBlock.text) : null);

  // ---- body, then one ordered pass for entities, quotes and sanctions ------
  const { standfirst, blocks } = buildBody(items);
  const wire = parseWireDateline(standfirst);
  if (wire?.agency && !sourceAgency) {
    const agency = registry.lookupOrg(wire.agency);
    if (agency && KNOWN_ORGANIZATIONS.find((org) => org.key === agency)?.orgType === 'news_agency') sourceAgency = registry.noteOrg(agency);
  }
  registry.noteMentions(headline);
  const quoteState = createQuoteState();
  const sanctionState = createSanctionState();
  noteGovernments(headline, registry, sanctionState);
  const firstParagraph = items.findIndex((item) => item.role === 'paragraph');
  let paragraphIndex = 0;
  items.forEach((item, itemIndex) => {
    if (item.role === 'heading') {
      registry.noteMentions(item.text);
      return;
    }
    const bodyIndex = itemIndex < firstParagraph ? itemIndex : itemIndex - 1;
    const path = itemIndex === firstParagraph ? 'article.standfirst' : `article.body[${bodyIndex}]`;
    const paragraphText = squash(item.text);
    deriveOrganizationFacts(paragraphText, registry);
    extractQuotesFromParagraph(paragraphText, paragraphIndex, path, registry, quoteState);
    extractSanctionsFromParagraph(paragraphText, paragraphIndex, path, registry, sanctionState);
    paragraphIndex += 1;
  });

  // ---- translation evidence -------------------------------------------------
  const artefacts = findTranslationArtefacts(textLocations(standfirst, blocks));
  const originalLanguage = artefacts[0]?.sourceLanguage ?? null;
  const translationMethod = artefacts.length > 0 ? 'machine' : 'original';

  const agencyCode = sourceAgency ? KNOWN_ORGANIZATIONS.find((org) => org.key === sourceAgency)?.agencyCode : undefined;
  const slug = slugify(headline);
  const stem = opts.sourceFile ? slugify(fileStem(opts.sourceFile)) : '';

  const article: Article = {
    uri: `urn:newsroom:${agencyCode ?? sourceAgency ?? 'wire'}:${storyKey({ canonicalUrl: page?.canonicalUrl, fromPage: Boolean(page), fileStem: stem, headlineSlug: slug })}`,
    headline: squash(headline),
    slug,
    standfirst,
    body: blocks,
    section,
    dateline: header?.place ?? wire?.place ?? null,
    byline: header?.printed ?? (page?.authors?.length ? page.authors.join(', ') : null),
    credits,
    leadImage: photo ? { caption: photo.caption, credit: photo.credit } : null,
    publishedAtText,
    datePublished: published?.iso ?? null,
    translationMethod,
    originalLanguage,
    language: STORY_LANGUAGE,
    subjects: [],
    sourceAgency,
  };

  // ---- review flags -----------------------------------------------------------
  const removed = [...(page?.removed ?? []), ...removedBlocks(labels)];
  const flags: ReviewFlag[] = [];
  if (publishedAtText && published?.relative) flags.push(relativeDateFlag(publishedAtText, published, retrievedAtIso));
  const bylines = conflictingBylinesFlag(credits, (key) => registry.org(key)?.name ?? key);
  if (bylines) flags.push(bylines);
  const garbled = [
    ...garbledFlags(artefacts),
    ...quoteState.flags.filter((flag) => flag.code === 'garbled_translation'),
  ].sort((a, b) => pathOrder(a.path) - pathOrder(b.path));
  flags.push(...garbled);
  if (translationMethod === 'machine') {
    flags.push(
      inferredFieldFlag(
        'article.translationMethod',
        `translationMethod "machine" inferred from ${artefacts.length} machine-translation calque(s) in the text (${artefacts.map((a) => `"${a.phrase}"`).join(', ')})`,
      ),
    );
  }
  if (originalLanguage) {
    flags.push(
      inferredFieldFlag(
        'article.originalLanguage',
        `originalLanguage "${originalLanguage}" inferred: the translation errors are calques of that language${sourceAgency ? ` and the source agency is ${registry.org(sourceAgency)?.name ?? sourceAgency}` : ''}; no original was seen`,
      ),
    );
  }
  if (article.datePublished && !pageDate) {
    flags.push(
      inferredFieldFlag(
        'article.datePublished',
        `datePublished ${article.datePublished} computed from "${publishedAtText}" and retrievedAt ${retrievedAtIso}; the site's own timezone is unknown`,
        publishedAtText ?? undefined,
      ),
    );
  }
  flags.push(...quoteState.flags.filter((flag) => flag.code !== 'garbled_translation'));
  flags.push(...registry.flags(), ...sanctionState.flags);
  flags.push(...removedFlags(removed));

  return {
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    source: { file, ...(retrievedAtIso ? { retrievedAt: retrievedAtIso } : {}), format: page ? 'html_page' : 'scraped_text' },
    article,
    quotes: quoteState.quotes,
    people: registry.people(),
    organizations: registry.organizations(),
    sanctions: sanctionRecords(sanctionState),
    removed,
    reviewFlags: flags,
  };
};
