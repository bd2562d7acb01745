import path from 'path';
import type { Core } from '@strapi/strapi';
import { runImport, type StoryResult } from './run-import';

/** The curated bundles an editor reviewed: what `npm run seed` imports. */
export const seedBundlesDir = (strapi: Core.Strapi): string => path.join(strapi.dirs.app.root, 'database', 'seed', 'bundles');

export const seedNewsroom = async (strapi: Core.Strapi, log: (message: string) => void = () => {}): Promise<StoryResult[]> => {
  log(`seed: importing ${seedBundlesDir(strapi)}`);
  const results = await runImport(strapi, [seedBundlesDir(strapi)], { log });
  for (const result of results) {
    log(result.status === 'refused' ? `seed: refused ${result.error}` : `seed: ${result.status} ${result.report.uri}`);
  }
  return results;
};

/**
 * Seed on boot only into an empty database, so `npm run develop` on a fresh
 * checkout shows the story, and a newsroom's real data is never touched.
 */
export const seedOnBootIfEmpty = async (strapi: Core.Strapi): Promise<void> => {
  const env = process.env.NODE_ENV ?? 'development';
  const wanted = process.env.SEED_ON_BOOT ? process.env.SEED_ON_BOOT === 'true' : env === 'development';
  if (!wanted) return;
  const articles = await strapi.db.query('api::article.article').count();
  if (articles > 0) return;
  const results = await seedNewsroom(strapi, (message) => strapi.log.info(message));
  const refused = results.filter((result) => result.status === 'refused');
  if (refused.length) strapi.log.error(`seed: ${refused.length} stor${refused.length === 1 ? 'y' : 'ies'} refused`);
};
