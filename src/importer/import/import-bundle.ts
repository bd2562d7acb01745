import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../domain/constants';
import type { ImportBundle, ImportFlag } from './input';
import { createBulkWriter } from './bulk-create';
import { createQuotes } from './quotes';
import { addNotesToNewArticle } from './review-notes';
import { createRepositories, type Repositories } from './repositories';
import { emptyCounts, type EntityKind, type Outcome, type StoryReport } from './report';
import { createSharedEntities, type Known } from './shared-entities';

export type ImportOptions = {
  file?: string;
  /** Run the whole import, report what it would do, then roll it back. */
  dryRun?: boolean;
  /** Called after each step inside the transaction (tests inject failures here). */
  onStep?: (step: string) => void | Promise<void>;
  log?: (message: string) => void;
};

const MAX_ATTEMPTS = 4;

class DryRunRollback<T> extends Error {
  constructor(readonly result: T) {
    super('dry run: rolled back');
  }
}

/**
 * Worth another attempt: a concurrent importer inserted the same key first (the
 * database said no), the database was busy (SQLite's lock outlasted the busy
 * timeout), or PostgreSQL picked this transaction as a deadlock or
 * serialization victim. Each attempt is a fresh transaction that sees the
 * other writer's committed rows.
 */
const RETRYABLE_CODES = new Set(['23505', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED', '40001', '40P01']);
const RETRYABLE_MESSAGE = /UNIQUE constraint failed|duplicate key value violates unique constraint|database is locked|deadlock detected|could not serialize/i;
const isRetryable = (error: unknown): boolean => {
  for (let current = error as { code?: string; message?: string; cause?: unknown } | undefined, depth = 0; current && depth < 5; depth += 1) {
    if (RETRYABLE_CODES.has(current.code ?? '') || RETRYABLE_MESSAGE.test(current.message ?? '')) return true;
    current = current.cause as typeof current;
  }
  return false;
};

const fingerprint = (bundle: ImportBundle): string =>
  crypto.createHash('sha256').update(JSON.stringify(bundle)).digest('hex').slice(0, 40);

const ref = (map: Map<string, string>, key: string | null | undefined, what: string): string | null => {
  if (!key) return null;
  const documentId = map.get(key);
  if (!documentId) throw new errors.ValidationError(`${what} refers to unknown key "${key}"`);
  return documentId;
};

/**
 * The text of a removed block (an ad, a share line, contact details) must not
 * come back in through the review notes: such flags keep their message, not
 * their excerpt.
 */
const forStorage = (flag: ImportFlag): ImportFlag => (flag.code === 'removed_block' ? { ...flag, excerpt: undefined } : flag);

const flagsAsText = (flags: ImportFlag[]): string =>
  flags.map((flag) => `[${flag.code}] ${flag.message}${flag.excerpt ? ` — “${flag.excerpt}”` : ''}`).join('\n');

/** Parents before children, so a parent's documentId is known when a child is written. */
const parentsFirst = <T extends { key: string; parentOrganization?: string | null }>(items: T[]): T[] => {
  const byKey = new Map(items.map((item) => [item.key, item]));
  const ordered: T[] = [];
  const seen = new Set<string>();
  const visit = (item: T, trail: Set<string>) => {
    if (seen.has(item.key) || trail.has(item.key)) return;
    trail.add(item.key);
    const parent = item.parentOrganization ? byKey.get(item.parentOrganization) : undefined;
    if (parent) visit(parent, trail);
    seen.add(item.key);
    ordered.push(item);
  };
  items.forEach((item) => visit(item, new Set()));
  return ordered;
};

const writeStory = async (
  strapi: Core.Strapi,
  repos: Repositories,
  bundle: ImportBundle,
  options: ImportOptions,
): Promise<StoryReport> => {
  const report: StoryReport = { file: options.file ?? '(bundle)', uri: bundle.article.uri, counts: emptyCounts() };
  const step = async (name: string) => options.onStep?.(name);
  const tally = (kind: EntityKind, outcome: Outcome) => {
    report.counts[kind][outcome] += 1;
  };

  // First, so a concurrent import of the same story waits here and then reads what this one committed.
  await repos.lockArticle(bundle.article.uri);

  const known: Known = { draftIds: new Map(), names: new Map() };
  const bulk = createBulkWriter(strapi, repos.knex);
  const shared = createSharedEntities(strapi, repos.knex, bulk, known);

  const orgs = new Map<string, string>();
  const orgRef = (key: string | null | undefined, what: string) => ref(orgs, key, what);
  // Parents first, so a child's reference to its parent resolves.
  const orgOutcomes = await shared.organizations(parentsFirst(bundle.organizations), orgRef, orgs);
  bundle.organizations.forEach((org) => tally('organization', orgOutcomes.get(org.key) as Outcome));
  await step('organizations');

  const people = new Map<string, string>();
  const personOutcomes = await shared.people(bundle.people, (person) => orgRef(person.affiliation, `person ${person.key}.affiliation`), people);
  bundle.people.forEach((person) => tally('expert', personOutcomes.get(person.key) as Outcome));
  await step('people');

  const records = bundle.sanctions.map((record) => ({
    record,
    organization: orgRef(record.organization, `sanction ${record.key}.organization`) as string,
    authority: orgRef(record.authority, `sanction ${record.key}.authority`) as string,
  }));
  const sanctions = (await shared.sanctions(records)).map((result) => (tally('sanctionRecord', result.outcome), result.documentId));
  await step('sanctions');

  const { article } = bundle;
  const print = fingerprint(bundle);
  const existing = await repos.findArticleByUri(article.uri);
  const quoted = new Set(bundle.quotes.flatMap((quote) => [quote.speaker, quote.speakerOrganization]).filter(Boolean));
  const credited = new Set((article.credits ?? []).map((credit) => credit.name));

  if (existing && existing.importFingerprint === print) {
    // Same bundle as last time: leave the article, its quotes and any editor's work alone.
    report.articleDocumentId = existing.documentId;
    report.counts.article.unchanged += 1;
    report.counts.quote.unchanged += bundle.quotes.length;
    await step('article');
    return report;
  }

  const data = {
    headline: article.headline,
    // An imported article keeps the slug it got; a new one takes a free one (same headline, different story).
    slug: existing ? ((existing.slug as string | undefined) ?? article.slug) : await repos.freeArticleSlug(article.slug, article.uri),
    uri: article.uri,
    standfirst: article.standfirst ?? null,
    body: article.body,
    section: article.section ?? null,
    dateline: article.dateline ?? null,
    byline: article.byline ?? null,
    language: article.language ?? 'en',
    translationMethod: article.translationMethod ?? 'original',
    originalLanguage: article.originalLanguage ?? null,
    datePublished: article.datePublished ?? null,
    publishedAtText: article.publishedAtText ?? null,
    embargoedUntil: article.embargoedUntil ?? null,
    credits: (article.credits ?? []).map((credit) => ({
      name: credit.name,
      role: credit.role,
      organization: ref(orgs, credit.organization, `credit ${credit.name}.organization`),
    })),
    leadImage: article.leadImage ? { caption: article.leadImage.caption ?? null, credit: article.leadImage.credit ?? null } : null,
    subjects: (article.subjects ?? []).map((subject) => ({ name: subject.name, uri: subject.uri ?? null, rel: subject.rel ?? 'about' })),
    sourceAgency: ref(orgs, article.sourceAgency, 'article.sourceAgency'),
    // People and organizations the story is about, not the ones that only sign it.
    people: {
      set: bundle.people
        .filter((person) => quoted.has(person.key) || !credited.has(person.name))
        .map((person) => ({ documentId: people.get(person.key) as string })),
    },
    organizations: {
      set: bundle.organizations
        .filter((org) => org.key !== article.sourceAgency && org.orgType !== 'news_agency')
        .map((org) => ({ documentId: orgs.get(org.key) as string })),
    },
    sanctionRecords: { set: sanctions.map((documentId) => ({ documentId })) },
    importFingerprint: print,
  };

  let articleId: string;
  if (existing) {
    articleId = existing.documentId;
    await repos.updateArticle(articleId, data);
    report.counts.article.updated += 1;
  } else {
    const created = await repos.createArticle(data);
    articleId = created.documentId;
    known.draftIds.set(created.documentId, created.id);
    report.counts.article.created += 1;
  }
  report.articleDocumentId = articleId;
  await step('article');

  const quotes = bundle.quotes.map((quote) => ({
    quote,
    speaker: ref(people, quote.speaker, `quote ${quote.key}.speaker`),
    speakerOrganization:
      ref(orgs, quote.speakerOrganization, `quote ${quote.key}.speakerOrganization`) ??
      // A named person speaks for the organization they belonged to at the time.
      ref(orgs, bundle.people.find((person) => person.key === quote.speaker)?.affiliation, `quote ${quote.key}.speaker.affiliation`),
  }));
  if (existing) {
    // An imported article's quotes are matched by position, one document-service write each: an editor may have changed them.
    for (const { quote, ...links } of quotes) tally('quote', (await repos.upsertQuote(quote, links, articleId)).outcome);
  } else {
    // A new article has no quotes yet: nothing to look up, all of them in one insert.
    await createQuotes(strapi, bulk, known, articleId, quotes);
    quotes.forEach(() => tally('quote', 'created'));
  }
  await step('quotes');

  const notes = strapi.plugin('editorial-workflow')?.service('notes') as
    | { addSystemNotes?: (uid: string, documentId: string, flags: ImportFlag[]) => Promise<{ created: number; unchanged: number }> }
    | undefined;
  if (notes?.addSystemNotes) {
    const flags = bundle.reviewFlags.map(forStorage);
    const result = existing
      ? await notes.addSystemNotes(UID.article, articleId, flags)
      : // A new article has no notes to compare with: all of them in one insert.
        await addNotesToNewArticle(strapi, UID.article, articleId, flags);
    report.counts.note.created += result.created;
    report.counts.note.unchanged += result.unchanged;
  } else if (bundle.reviewFlags.length) {
    await repos.updateArticle(articleId, { edNote: `Import review flags:\n${flagsAsText(bundle.reviewFlags.map(forStorage))}` });
  }
  await step('notes');

  return report;
};

/**
 * Run `work` in one transaction, again in a fresh one when a concurrent writer
 * won a race on a unique key or the database was busy (the next attempt finds
 * the other writer's committed rows). A dry run does the work and rolls it back.
 */
const inTransaction = async <T>(strapi: Core.Strapi, label: string, options: ImportOptions, work: (repos: Repositories) => Promise<T>): Promise<T> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await strapi.db.transaction(async ({ trx }) => {
        const result = await work(createRepositories(strapi, trx as never));
        if (options.dryRun) throw new DryRunRollback(result);
        return result;
      });
    } catch (error) {
      if (error instanceof DryRunRollback) return error.result as T;
      if (attempt < MAX_ATTEMPTS && isRetryable(error)) {
        options.log?.(`${label}: another writer got there first or the database was busy, retrying (${attempt})`);
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt * attempt));
        continue;
      }
      throw error;
    }
  }
};

/**
 * Import one story bundle: all of it or nothing, in one transaction. Matching
 * by stable keys makes it idempotent; if a concurrent import wins a race on a
 * unique key, the database refuses our row, the transaction rolls back and we
 * try again — this time finding the other import's records.
 */
export const importBundle = async (strapi: Core.Strapi, bundle: ImportBundle, options: ImportOptions = {}): Promise<StoryReport> =>
  inTransaction(strapi, options.file ?? bundle.article.uri, options, (repos) => writeStory(strapi, repos, bundle, options));

/**
 * A story of a batch: its bundle, or how to load it. `load` runs inside the
 * batch's transaction, so what it reads (the organisation lexicon) includes
 * what the batch's earlier stories wrote, as it would one story at a time.
 */
export type BatchItem = { file?: string } & ({ bundle: ImportBundle } | { load: () => ImportBundle | Promise<ImportBundle> });
export type BatchResult = { file?: string; report: StoryReport } | { file?: string; error: unknown };

const bundleOf = async (item: BatchItem): Promise<ImportBundle> => ('bundle' in item ? item.bundle : item.load());

/** A story that could not be loaded (unreadable, not a story): nothing was written for it. */
class NotLoaded {
  constructor(readonly error: unknown) {}
}

/**
 * Import several stories in one transaction: one commit (on SQLite, one sync
 * to disk) for the batch instead of one per story. Each story stays all or
 * nothing: a story that cannot be loaded is refused without touching the
 * batch (nothing of it was written); when one is refused by the database or
 * the domain rules, the batch is rolled back and every story is imported in
 * its own transaction, so the refused one leaves nothing behind and the
 * others are kept. Results are in input order.
 */
export const importBundles = async (strapi: Core.Strapi, items: readonly BatchItem[], options: Omit<ImportOptions, 'file'> = {}): Promise<BatchResult[]> => {
  if (items.length > 1) {
    try {
      const outcomes = await inTransaction(strapi, `batch of ${items.length} stories`, options, async (repos) => {
        const done: (StoryReport | NotLoaded)[] = [];
        for (const item of items) {
          let bundle: ImportBundle;
          try {
            bundle = await bundleOf(item);
          } catch (error) {
            done.push(new NotLoaded(error));
            continue;
          }
          done.push(await writeStory(strapi, repos, bundle, { ...options, file: item.file }));
        }
        return done;
      });
      return outcomes.map((outcome, index) =>
        outcome instanceof NotLoaded ? { file: items[index].file, error: outcome.error } : { file: items[index].file, report: outcome },
      );
    } catch {
      options.log?.(`a story of the batch of ${items.length} was refused: importing them one at a time`);
    }
  }
  const results: BatchResult[] = [];
  for (const item of items) {
    try {
      const bundle = await bundleOf(item);
      results.push({ file: item.file, report: await importBundle(strapi, bundle, { ...options, file: item.file }) });
    } catch (error) {
      results.push({ file: item.file, error });
    }
  }
  return results;
};
