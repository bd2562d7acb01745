import { appendOnlyViolation } from '../../../src/plugins/editorial-workflow/server/src/utils/append-only';
import {
  blocksToText,
  changedFields,
  contentFields,
  contentPopulate,
  normalize,
  type ModelLike,
  type ModelLookup,
} from '../../../src/plugins/editorial-workflow/server/src/utils/content-snapshot';

/** What counts as content, and how two versions compare (pure; no Strapi). */

const correction: ModelLike = { attributes: { date: { type: 'datetime' }, text: { type: 'text' } } };
const article: ModelLike = {
  attributes: {
    headline: { type: 'string' },
    body: { type: 'blocks' },
    embargoedUntil: { type: 'datetime' },
    corrections: { type: 'component', component: 'newsroom.correction', repeatable: true },
    people: { type: 'relation', relation: 'manyToMany', target: 'api::expert.expert' },
    edNote: { type: 'text', private: true },
    createdBy: { type: 'relation', relation: 'oneToOne', target: 'admin::user' },
    updatedAt: { type: 'datetime' },
    publishedAt: { type: 'datetime' },
  },
};
const models: ModelLookup = { contentType: () => article, component: (uid) => (uid === 'newsroom.correction' ? correction : undefined) };

describe('content fields', () => {
  it('leave out bookkeeping, private fields and admin users', () => {
    expect(contentFields(article)).toEqual(['headline', 'body', 'embargoedUntil', 'corrections', 'people']);
  });

  it('populate relations as documentIds and components deep', () => {
    expect(contentPopulate(article, models)).toEqual({ corrections: true, people: { select: ['id', 'documentId'] } });
  });
});

describe('normalize and compare', () => {
  const row = (over: Record<string, unknown> = {}) => ({
    id: 7,
    documentId: 'abc',
    headline: 'Headline',
    body: [{ type: 'paragraph', children: [{ type: 'text', text: 'One.' }] }],
    embargoedUntil: 1764590400000,
    corrections: [{ id: 3, date: '2026-12-01T12:00:00.000Z', text: 'Fixed.' }],
    people: [{ id: 9, documentId: 'p1' }],
    edNote: 'internal',
    updatedAt: new Date(),
    ...over,
  });

  it('gives the same content for the same story stored differently (date as number or string, component ids, relation rows)', () => {
    const a = normalize(article, row(), models);
    const b = normalize(article, row({ embargoedUntil: '2025-12-01T12:00:00.000Z', corrections: [{ id: 99, text: 'Fixed.', date: new Date('2026-12-01T12:00:00.000Z') }], people: [{ id: 1, documentId: 'p1' }], edNote: 'other' }), models);
    expect(a).toEqual(b);
    expect(changedFields(contentFields(article), a, b)).toEqual([]);
  });

  it('names the fields that differ', () => {
    const a = normalize(article, row(), models);
    const b = normalize(article, row({ headline: 'New', embargoedUntil: null, people: [] }), models);
    expect(changedFields(contentFields(article), a, b)).toEqual(['headline', 'embargoedUntil', 'people']);
  });

  it('reads rich text as plain text, one paragraph per block', () => {
    expect(blocksToText([{ children: [{ text: 'One ' }, { text: 'two.' }] }, { children: [{ text: 'Three.' }] }])).toBe('One two.\n\nThree.');
  });
});

describe('published correction notes are append-only', () => {
  const live = [{ date: '2026-12-01T12:00:00.000Z', text: 'First.' }];

  it('allows adding notes after the published ones', () => {
    expect(appendOnlyViolation('corrections', live, [...live, { date: '2026-12-02T12:00:00.000Z', text: 'Second.' }])).toBeNull();
  });

  it('names the path of an edited or removed published note', () => {
    expect(appendOnlyViolation('corrections', live, [{ ...live[0], text: 'Rewritten.' }])).toBe('corrections[0].text');
    expect(appendOnlyViolation('corrections', live, [])).toBe('corrections[0]');
    expect(appendOnlyViolation('corrections', live, [{ date: '2026-12-02T12:00:00.000Z', text: 'Other.' }, ...live])).toBe('corrections[0].date');
  });

  it('has nothing to protect before the first publication', () => {
    expect(appendOnlyViolation('corrections', null, [])).toBeNull();
  });
});
