#!/usr/bin/env node
'use strict';

/**
 * npm run import:score -- [--form html|text] [--verbose] [story-id...]
 *
 * Imports every corpus story (tests/fixtures/corpus/<id>/source.html, or its
 * visible.txt with --form text) and the seed story into a throwaway SQLite
 * database, reads back what was stored and scores it against the story's
 * hand-written key: quote recall, attribution precision, people/affiliation
 * accuracy, organisations stored as people, noise strings left.
 * Exit 1 when the held-out set misses a target or the seed is not perfect.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { parseArgs } = require('util');

const ROOT = path.resolve(__dirname, '..');
const CORPUS = path.join(ROOT, 'tests/fixtures/corpus');
const SEED_CURATION = path.join(ROOT, 'database/seed/bundles/china-surveillance-export.curation.json');

const usage = (message) => {
  if (message) console.error(`import:score: ${message}\n`);
  console.error('usage: npm run import:score -- [--form html|text] [--verbose] [story-id... | seed]');
  process.exit(2);
};

const pct = (value) => `${(value * 100).toFixed(1)} %`;

const table = (header, rows) => {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => String(row[column]).length)));
  const line = (cells) => cells.map((cell, column) => String(cell).padEnd(widths[column])).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
};

const main = async () => {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { form: { type: 'string', default: 'html' }, verbose: { type: 'boolean', default: false } },
    });
  } catch (error) {
    return usage(error.message);
  }
  const { values, positionals } = parsed;
  if (!['html', 'text'].includes(values.form)) return usage(`--form must be html or text, not "${values.form}"`);

  const stories = fs
    .readdirSync(CORPUS)
    .filter((id) => fs.existsSync(path.join(CORPUS, id, 'key.json')))
    .filter((id) => positionals.length === 0 || positionals.includes(id))
    .sort();

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-score-'));
  process.env.DATABASE_CLIENT = 'sqlite';
  process.env.DATABASE_FILENAME = path.join(dir, 'score.db');
  const { bootApp, requireDist } = require('./lib/boot-app');
  const strapi = await bootApp({ logLevel: 'error' });
  let code = 0;
  try {
    const { runImport } = requireDist('src/importer/run-import.js');
    const { readStoredStory } = requireDist('src/importer/score/read-stored.js');
    const { scoreStory, totalsOf, failures } = requireDist('src/importer/score/score-story.js');
    const { keyFromCuratedBundle } = requireDist('src/importer/score/seed-key.js');

    const runs = stories.map((id) => ({
      key: JSON.parse(fs.readFileSync(path.join(CORPUS, id, 'key.json'), 'utf8')),
      file: path.join(CORPUS, id, values.form === 'html' ? 'source.html' : 'visible.txt'),
    }));
    if (positionals.length === 0 || positionals.includes('seed')) {
      const curation = JSON.parse(fs.readFileSync(SEED_CURATION, 'utf8'));
      const bundle = JSON.parse(fs.readFileSync(path.join(ROOT, curation.bundle), 'utf8'));
      runs.push({ key: keyFromCuratedBundle('seed-china-surveillance', bundle), file: path.join(ROOT, curation.story), retrievedAt: curation.parseOptions.retrievedAt });
    }

    const scores = [];
    const refused = [];
    for (const run of runs) {
      const [result] = await runImport(strapi, [run.file], { retrievedAt: run.retrievedAt });
      if (result.status !== 'imported' || !result.report.articleDocumentId) {
        refused.push(`${run.key.id}: ${result.error ?? 'not imported'}`);
        scores.push(scoreStory(run.key, { headline: '', byline: null, dateline: null, credits: [], texts: [], quotes: [], people: [], sanctions: [] }));
        continue;
      }
      scores.push(scoreStory(run.key, await readStoredStory(strapi, result.report.articleDocumentId)));
    }

    const tick = (ok) => (ok ? 'yes' : 'no');
    console.log(`import:score — form: ${values.form}; ${scores.length} stories\n`);
    console.log(
      table(
        ['story', 'set', 'recall', 'precision', 'people', 'org→person', 'noise', 'extra q', 'headline', 'byline', 'dateline', 'sanctions'],
        scores.map((s) => [
          s.id,
          s.set,
          `${s.found}/${s.quotes}`,
          `${s.correct}/${s.attributed}`,
          `${s.peopleCorrect}/${s.people}`,
          s.orgsAsPeople.length,
          s.noiseLeft.length,
          s.extraQuotes,
          tick(s.headline),
          tick(s.byline),
          tick(s.dateline),
          `${s.sanctionsFound}/${s.sanctions}`,
        ]),
      ),
    );
    const groups = [
      ['held-out', scores.filter((s) => s.set === 'heldout')],
      ['tuned', scores.filter((s) => s.set === 'tune')],
      ['all corpus', scores.filter((s) => s.set !== 'seed')],
      ['seed', scores.filter((s) => s.set === 'seed')],
    ].filter(([, group]) => group.length > 0);
    console.log('');
    console.log(
      table(
        ['set', 'stories', 'quote recall', 'attribution precision', 'people/affiliation', 'orgs as people', 'noise left', 'headlines', 'bylines', 'datelines', 'sanctions'],
        groups.map(([label, group]) => {
          const t = totalsOf(group);
          return [label, t.stories, pct(t.recall), pct(t.precision), pct(t.people), t.orgsAsPeople, t.noiseLeft, `${t.headlines}/${t.stories}`, `${t.bylines}/${t.stories}`, `${t.datelines}/${t.stories}`, t.sanctions];
        }),
      ),
    );
    if (values.verbose) {
      for (const s of scores) {
        const lines = [...s.wrong, ...s.orgsAsPeople.map((n) => `organisation stored as a person: ${n}`), ...s.noiseLeft.map((n) => `noise stored: "${n}"`)];
        if (lines.length) console.log(`\n${s.id}:\n  ${lines.join('\n  ')}`);
      }
    }

    const problems = [...refused.map((r) => `refused: ${r}`)];
    const heldout = scores.filter((s) => s.set === 'heldout');
    if (heldout.length && positionals.length === 0) problems.push(...failures('held-out', totalsOf(heldout)));
    const seed = scores.filter((s) => s.set === 'seed');
    if (seed.length) {
      const t = totalsOf(seed);
      if (t.recall < 1 || t.precision < 1 || t.people < 1 || t.noiseLeft > 0 || t.orgsAsPeople > 0) {
        problems.push(`seed: not at 100 % (recall ${pct(t.recall)}, precision ${pct(t.precision)}, people ${pct(t.people)}, noise ${t.noiseLeft}, orgs as people ${t.orgsAsPeople})`);
      }
    }
    if (problems.length) {
      console.error(`\nBELOW TARGET:\n  ${problems.join('\n  ')}`);
      code = 1;
    } else console.log('\nall targets met');
  } finally {
    await strapi.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  process.exit(code);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
