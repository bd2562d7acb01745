import { planBatchedLoad, stableKey, takeWindow, type AttributesOf } from '../../../src/graphql/batched-load-plan';

/** Which relation loads may share a batch, with what parameters, and which part each takes (src/graphql/batched-load-plan.ts). */
const ATTRIBUTES: Record<string, Record<string, { type: string; relation?: string; target?: string }>> = {
  article: {
    people: { type: 'relation', relation: 'manyToMany', target: 'expert' },
    sourceAgency: { type: 'relation', relation: 'manyToOne', target: 'org' },
    image: { type: 'relation', relation: 'morphOne', target: 'file' },
    headline: { type: 'string' },
  },
  expert: { name: { type: 'string' }, affiliation: { type: 'relation', relation: 'manyToOne', target: 'org' } },
  org: { name: { type: 'string' } },
  file: { url: { type: 'string' } },
};
const attributesOf: AttributesOf = (uid) => ATTRIBUTES[uid];
const plan = (field: unknown, populate: unknown) => planBatchedLoad(attributesOf, 'article', field, populate);

describe('planBatchedLoad', () => {
  it('drops limit and offset from the batch query but keeps the pagination tie-break (offset 0), and gives the window', () => {
    const p = plan('people', { where: { publishedAt: { $notNull: true } }, limit: 2, offset: 1 });
    expect(p?.params).toEqual({ where: { publishedAt: { $notNull: true } }, offset: 0 });
    expect(p?.window).toEqual({ offset: 1, limit: 2 });
  });

  it('gives loads that differ only in their window the same key, and loads with other parameters another', () => {
    const a = plan('people', { where: { name: 'x' }, orderBy: [{ name: 'asc' }], limit: 25, offset: 0 });
    const b = plan('people', { orderBy: [{ name: 'asc' }], where: { name: 'x' }, limit: 2, offset: 3 });
    const c = plan('people', { where: { name: 'y' }, orderBy: [{ name: 'asc' }], limit: 25, offset: 0 });
    const unpaginated = plan('people', { where: { name: 'x' }, orderBy: [{ name: 'asc' }] });
    expect(a?.key).toBe(b?.key);
    expect(a?.key).not.toBe(c?.key);
    // Without pagination Strapi adds no id tie-break: another query, another batch.
    expect(unpaginated?.key).not.toBe(a?.key);
    expect(plan('sourceAgency', {})?.key).not.toBe(plan('people', {})?.key);
  });

  it('treats limit 0 as no limit, as Strapi does', () => {
    expect(plan('people', { limit: 0, offset: 0 })?.window).toEqual({ offset: 0, limit: null });
  });

  it.each([
    ['a morph relation (media)', 'image', {}],
    ['a scalar field', 'headline', {}],
    ['several fields', ['people', 'sourceAgency'], {}],
    ['no populate parameters', 'people', undefined],
    ['a nested populate', 'people', { populate: { affiliation: true } }],
    ['a count', 'people', { count: true }],
    ['a filters function', 'people', { filters: () => ({}) }],
    ['a sort through a relation', 'people', { orderBy: [{ affiliation: { name: 'asc' } }] }],
    ['a sort on a dotted path', 'people', { orderBy: 'affiliation.name:asc' }],
    ['no limit (-1)', 'people', { limit: -1 }],
    ['a fractional offset', 'people', { offset: 1.5 }],
    ['an offset on a to-one relation', 'sourceAgency', { offset: 1, limit: 1 }],
    ['a value that is not plain data', 'people', { where: { name: new Map() } }],
  ])('leaves %s to Strapi', (_name, field, populate) => {
    expect(plan(field, populate)).toBeNull();
  });

  it('batches a to-one relation with the default pagination', () => {
    expect(plan('sourceAgency', { limit: 25, offset: 0 })?.window).toEqual({ offset: 0, limit: 25 });
  });
});

describe('stableKey', () => {
  it('ignores key order and undefined values, and tells a Date from its string', () => {
    expect(stableKey({ a: 1, b: [1, 'x'], c: undefined })).toBe(stableKey({ b: [1, 'x'], a: 1 }));
    const date = new Date('2024-01-01T00:00:00Z');
    expect(stableKey({ at: date })).not.toBe(stableKey({ at: date.toISOString() }));
    expect(stableKey({ at: date })).toBe(stableKey({ at: new Date(date.getTime()) }));
  });
});

describe('takeWindow', () => {
  it('slices a to-many list and leaves a to-one value as it is', () => {
    expect(takeWindow([1, 2, 3, 4], { offset: 1, limit: 2 })).toEqual([2, 3]);
    expect(takeWindow([1, 2, 3], { offset: 0, limit: null })).toEqual([1, 2, 3]);
    expect(takeWindow([1, 2], { offset: 5, limit: 2 })).toEqual([]);
    expect(takeWindow({ id: 1 }, { offset: 0, limit: 25 })).toEqual({ id: 1 });
    expect(takeWindow(null, { offset: 0, limit: 25 })).toBeNull();
  });
});
