import fs from 'fs';
import os from 'os';
import path from 'path';
import { expandInputs, StoryInputError } from '../../../src/importer/load-story';
import { summaryTable } from '../../../src/importer/run-import';
import { emptyCounts } from '../../../src/importer/import/report';

describe('Given a folder of stories', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-expand-'));
    fs.mkdirSync(path.join(dir, 'nested'));
    for (const name of ['b.txt', 'a.json', 'a.curation.json', 'notes.md', 'nested/c.txt']) fs.writeFileSync(path.join(dir, name), 'x');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('when expanded, then stories and bundles are found recursively, sorted, without curation notes or other files', () => {
    expect(expandInputs([dir]).map((file) => path.relative(dir, file))).toEqual(['a.json', 'b.txt', path.join('nested', 'c.txt')]);
  });

  it('when a path does not exist, then the error names it', () => {
    expect(() => expandInputs([path.join(dir, 'missing.txt')])).toThrow(StoryInputError);
    expect(() => expandInputs([path.join(dir, 'missing.txt')])).toThrow(/missing\.txt.*no such file/);
  });
});

describe('Given import results', () => {
  it('when summarised, then each story is a row with its totals and refusals show their reason', () => {
    const counts = emptyCounts();
    counts.article.created = 1;
    counts.quote.created = 14;
    counts.organization.unchanged = 3;
    const table = summaryTable(
      [
        { file: '/x/good.txt', status: 'imported', report: { file: '/x/good.txt', uri: 'urn:x', counts } },
        { file: '/x/bad.json', status: 'refused', error: '/x/bad.json: article.headline is required\nmore' },
      ],
      '/x',
    );
    const [header, , good, bad] = table.split('\n');
    expect(header).toMatch(/story\s+status\s+created\s+updated\s+unchanged/);
    expect(good).toMatch(/^good\.txt\s+imported\s+15\s+0\s+3\s+article 1\/0\/0, quote 14\/0\/0, organization 0\/0\/3$/);
    expect(bad).toMatch(/^bad\.json\s+refused\s+-\s+-\s+-\s+\/x\/bad\.json: article\.headline is required$/);
  });
});
