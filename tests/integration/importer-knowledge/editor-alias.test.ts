/**
 * Knowledge from the CMS (issue 12): an alias an editor adds to an
 * Organization is what the next import recognises — no code change.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { startApp, type TestApp } from '../../helpers/strapi';
import { runImport } from '../../../src/importer/run-import';

let app: TestApp;
let scratch: string;

const STORY = [
  'Economists expect prices to rise',
  'By Jane Roe',
  'Prices in the euro area will rise again this year, according to new forecasts.',
  '“Inflation will stay above target until the summer,” IfW Kiel said in its quarterly outlook.',
  '',
].join('\n\n');

beforeAll(async () => {
  app = await startApp();
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-alias-'));
});
afterAll(async () => {
  await app?.stop();
  fs.rmSync(scratch, { recursive: true, force: true });
});

const importStory = async (name: string) => {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, STORY);
  const [result] = await runImport(app.strapi, [file]);
  if (result.status !== 'imported') throw new Error(`not imported: ${'error' in result ? result.error : result.status}`);
  return app.strapi.documents('api::quote.quote').findFirst({
    filters: { text: { $startsWith: 'Inflation will stay' }, article: { documentId: result.report.articleDocumentId } },
    populate: { speakerOrganization: true, speaker: true },
    status: 'draft',
  });
};

describe('Given an organisation the parser does not know by its short name', () => {
  it('when the story quotes it by that name, then the quote is not attributed (never guessed)', async () => {
    await app.strapi.documents('api::organization.organization').create({
      data: { name: 'Kiel Institute for the World Economy', slug: 'kiel-institute-for-the-world-economy', orgType: 'think_tank', country: 'DE' },
    });
    const quote = (await importStory('story.txt')) as { speakerOrganization?: unknown; speaker?: unknown; speakerDescription?: string } | null;
    expect(quote).not.toBeNull();
    expect(quote?.speakerOrganization).toBeFalsy();
    expect(quote?.speaker).toBeFalsy();
    expect(quote?.speakerDescription).toBe('unidentified speaker');
  });

  it('when an editor adds the alias to the Organization, then the next import attributes the quote to it, without a duplicate', async () => {
    const org = await app.strapi.documents('api::organization.organization').findFirst({ filters: { slug: 'kiel-institute-for-the-world-economy' } });
    await app.strapi.documents('api::organization.organization').update({ documentId: org!.documentId, data: { alternateNames: ['IfW Kiel'] } } as never);

    const quote = (await importStory('story.txt')) as { speakerOrganization?: { documentId: string; name: string } | null } | null;
    expect(quote?.speakerOrganization).toMatchObject({ documentId: org!.documentId, name: 'Kiel Institute for the World Economy' });
    const named = await app.strapi.db.query('api::organization.organization').findMany({ where: { name: { $in: ['IfW Kiel', 'Kiel Institute for the World Economy'] } } });
    expect(new Set(named.map((row: { documentId: string }) => row.documentId))).toEqual(new Set([org!.documentId]));
  });
});
