import type { Core } from '@strapi/strapi';
import { importBundles } from './import/import-bundle';
import { totals, type StoryReport } from './import/report';
import { loadOrganizationLexicon } from './import/lexicon';
import { expandInputs, loadStory } from './load-story';

export type StoryResult =
  | { file: string; status: 'imported' | 'planned'; report: StoryReport }
  | { file: string; status: 'refused'; error: string };

export type RunOptions = {
  dryRun?: boolean;
  retrievedAt?: string;
  /** Input size limit in bytes (default: IMPORT_MAX_BYTES or 2 MiB). */
  maxBytes?: number;
  /** Decode inputs with this encoding instead of requiring UTF-8. */
  encoding?: string;
  /** Stories per transaction (default 10; 1 = one transaction per story). Each story stays all or nothing. */
  batchSize?: number;
  log?: (message: string) => void;
  progress?: (done: number, total: number, file: string) => void;
};

const describe = (error: unknown): string => {
  const err = error as { message?: string; details?: { errors?: { path?: string[]; message?: string }[] } };
  const fields = err.details?.errors?.map((detail) => `${(detail.path ?? []).join('.') || '(root)'}: ${detail.message}`);
  return fields?.length ? `${err.message}\n  ${fields.join('\n  ')}` : (err.message ?? String(error));
};

export const DEFAULT_BATCH_SIZE = 10;

/**
 * Import every story under `inputs`, in batches of `batchSize` stories per
 * transaction (one commit per batch). Every story is still all or nothing: a
 * refused story leaves nothing behind and does not stop the others (see
 * importBundles). Each story is parsed inside its batch's transaction, with
 * the organisation lexicon read there, so an organisation an earlier story of
 * the batch created (or an editor's alias) is known to the next, as it would
 * be one story at a time.
 */
export const runImport = async (strapi: Core.Strapi, inputs: readonly string[], options: RunOptions = {}): Promise<StoryResult[]> => {
  const files = expandInputs(inputs);
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));
  const load = (file: string) => async () =>
    loadStory(file, { retrievedAt: options.retrievedAt, maxBytes: options.maxBytes, encoding: options.encoding, lexicon: await loadOrganizationLexicon(strapi) });
  const results: StoryResult[] = [];
  for (let start = 0; start < files.length; start += batchSize) {
    const batch = files.slice(start, start + batchSize);
    const outcomes = await importBundles(
      strapi,
      batch.map((file) => ({ file, load: load(file) })),
      { dryRun: options.dryRun, log: options.log },
    );
    for (const outcome of outcomes) {
      const file = outcome.file as string;
      if ('report' in outcome) results.push({ file, status: options.dryRun ? 'planned' : 'imported', report: outcome.report });
      else {
        const message = describe(outcome.error);
        results.push({ file, status: 'refused', error: message.includes(file) ? message : `${file}: ${message}` });
      }
      options.progress?.(results.length, files.length, file);
    }
  }
  return results;
};

/** A plain-text table of what each story created, updated and left unchanged. */
export const summaryTable = (results: readonly StoryResult[], cwd = process.cwd()): string => {
  const rel = (file: string) => (file.startsWith(cwd) ? file.slice(cwd.length + 1) : file);
  const rows = results.map((result) => {
    if (result.status === 'refused') return [rel(result.file), 'refused', '-', '-', '-', result.error.split('\n')[0]];
    const sum = totals(result.report.counts);
    const kinds = Object.entries(result.report.counts)
      .filter(([, tally]) => tally.created + tally.updated + tally.unchanged > 0)
      .map(([kind, tally]) => `${kind} ${tally.created}/${tally.updated}/${tally.unchanged}`)
      .join(', ');
    return [rel(result.file), result.status, String(sum.created), String(sum.updated), String(sum.unchanged), kinds];
  });
  const header = ['story', 'status', 'created', 'updated', 'unchanged', 'per type (created/updated/unchanged)'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
};
