/**
 * The importer as it was before the batching writer (one document-service call
 * per entity), frozen here as the reference the batching writer is compared
 * with in bulk-rows.test.ts. Not used by the app.
 */
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ImportBundle, ImportFlag } from '../../../../src/importer/import/input';
import { createRepositories, type Repositories, type Upserted } from './document-service-repositories';
import { emptyCounts, type EntityKind, type StoryReport } from '../../../../src/importer/import/report';

export type ImportOptions = {
  file?: string;
  /** Run the whole import, report what it would do, then roll it back. */
  dryRun?: boolean;
  /** Called after each step inside the transaction (tests inject failures here). */
  onStep?: (step: string) => void | Promise<void>;
  log?: (message: string) => void;
};

const MAX_ATTEMPTS = 4;

class DryRunRollback extends Error {
  constructor(readonly report: StoryReport) {
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
  const count = (kind: EntityKind, result: Upserted) => {
    report.counts[kind][result.outcome] += 1;
    return result.documentId;
  };

  // First, so a concurrent import of the same story waits here and then reads what this one committed.
  await repos.lockArticle(bundle.article.uri);

  const orgs = new Map<string, string>();
  for (const org of parentsFirst(bundle.organizations)) {
    const parent = ref(orgs, org.parentOrganization, `organization ${org.key}.parentOrganization`);
    orgs.set(org.key, count('organization', await repos.upsertOrganization(org, parent)));
  }
  await step('organizations');

  const people = new Map<string, string>();
  for (const person of bundle.people) {
    const affiliation = ref(orgs, person.affiliation, `person ${person.key}.affiliation`);
    people.set(person.key, count('expert', await repos.upsertPerson(person, affiliation)));
  }
  await step('people');

  const sanctions: string[] = [];
  for (const record of bundle.sanctions) {
    const organization = ref(orgs, record.organization, `sanction ${record.key}.organization`);
    const authority = ref(orgs, record.authority, `sanction ${record.key}.authority`);
    sanctions.push(count('sanctionRecord', await repos.upsertSanction(record, organization as string, authority as string)));
  }
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
    articleId = await repos.createArticle(data);
    report.counts.article.created += 1;
  }
  report.articleDocumentId = articleId;
  await step('article');

  for (const quote of bundle.quotes) {
    const speaker = ref(people, quote.speaker, `quote ${quote.key}.speaker`);
    const speakerOrganization =
      ref(orgs, quote.speakerOrganization, `quote ${quote.key}.speakerOrganization`) ??
      // A named person speaks for the organization they belonged to at the time.
      ref(orgs, bundle.people.find((person) => person.key === quote.speaker)?.affiliation, `quote ${quote.key}.speaker.affiliation`);
    count('quote', await repos.upsertQuote(quote, { speaker, speakerOrganization }, articleId));
  }
  await step('quotes');

  const notes = strapi.plugin('editorial-workflow')?.service('notes') as
    | { addSystemNotes?: (uid: string, documentId: string, flags: ImportFlag[]) => Promise<{ created: number; unchanged: number }> }
    | undefined;
  if (notes?.addSystemNotes) {
    const result = await notes.addSystemNotes('api::article.article', articleId, bundle.reviewFlags.map(forStorage));
    report.counts.note.created += result.created;
    report.counts.note.unchanged += result.unchanged;
  } else if (bundle.reviewFlags.length) {
    await repos.updateArticle(articleId, { edNote: `Import review flags:\n${flagsAsText(bundle.reviewFlags.map(forStorage))}` });
  }
  await step('notes');

  return report;
};

/**
 * Import one story bundle: all of it or nothing, in one transaction. Matching
 * by stable keys makes it idempotent; if a concurrent import wins a race on a
 * unique key, the database refuses our row, the transaction rolls back and we
 * try again — this time finding the other import's records.
 */
export const importBundle = async (strapi: Core.Strapi, bundle: ImportBundle, options: ImportOptions = {}): Promise<StoryReport> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await strapi.db.transaction(async ({ trx }) => {
        const report = await writeStory(strapi, createRepositories(strapi, trx as never), bundle, options);
        if (options.dryRun) throw new DryRunRollback(report);
        return report;
      });
    } catch (error) {
      if (error instanceof DryRunRollback) return error.report;
      if (attempt < MAX_ATTEMPTS && isRetryable(error)) {
        options.log?.(`${options.file ?? bundle.article.uri}: another writer got there first or the database was busy, retrying (${attempt})`);
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt * attempt));
        continue;
      }
      throw error;
    }
  }
};
