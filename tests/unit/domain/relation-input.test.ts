import { afterDisconnect, toOneChange } from '../../../src/domain/relation-input';

const DOC = 'abcdefghijklmnopqrstuvwx';
const OTHER = 'zyxwvutsrqponmlkjihgfedc';

describe('Given a to-one relation in a write', () => {
  it('when it is absent, then the relation is unchanged', () => {
    expect(toOneChange(undefined)).toEqual({ kind: 'unchanged' });
  });

  it('when it is null, then the relation is cleared', () => {
    expect(toOneChange(null)).toEqual({ kind: 'set', ref: null });
  });

  it.each([
    ['a documentId string', DOC, { documentId: DOC }],
    ['a numeric id', 7, { id: 7 }],
    ['a numeric id as a string', '7', { id: 7 }],
    ['{ documentId }', { documentId: DOC }, { documentId: DOC }],
    ['{ documentId, locale, status }', { documentId: DOC, locale: 'en', status: 'published' }, { documentId: DOC }],
    ['{ id }', { id: 7 }, { id: 7 }],
    ['an array of one documentId', [DOC], { documentId: DOC }],
    ['an array (last one wins)', [OTHER, DOC], { documentId: DOC }],
    ['{ set: [documentId] }', { set: [DOC] }, { documentId: DOC }],
    ['{ set: documentId }', { set: DOC }, { documentId: DOC }],
    ['{ connect: [{ documentId }] }', { connect: [{ documentId: DOC }] }, { documentId: DOC }],
    ['{ connect: documentId }', { connect: DOC }, { documentId: DOC }],
    ['{ connect: [{ id }] }', { connect: [{ id: 3 }] }, { id: 3 }],
    ['{ connect: [x], disconnect: [y] }', { connect: [DOC], disconnect: [OTHER] }, { documentId: DOC }],
    ['{ connect with a position }', { connect: [{ documentId: DOC, position: { end: true } }] }, { documentId: DOC }],
  ])('when it is %s, then the target is that reference', (_shape, input, ref) => {
    expect(toOneChange(input)).toEqual({ kind: 'set', ref });
  });

  it.each([
    ['an empty array', []],
    ['{ set: [] }', { set: [] }],
  ])('when it is %s, then the relation is cleared', (_shape, input) => {
    expect(toOneChange(input)).toEqual({ kind: 'set', ref: null });
  });

  it.each([
    ['{ disconnect: [documentId] }', { disconnect: [DOC] }, [{ documentId: DOC }]],
    ['{ disconnect: documentId }', { disconnect: DOC }, [{ documentId: DOC }]],
    ['{ connect: [], disconnect: [{ documentId }] }', { connect: [], disconnect: [{ documentId: DOC }] }, [{ documentId: DOC }]],
    ['{ disconnect: [{ id }] }', { disconnect: [{ id: 4 }] }, [{ id: 4 }]],
  ])('when it is %s, then it is a disconnect of those references', (_shape, input, refs) => {
    expect(toOneChange(input)).toEqual({ kind: 'disconnect', refs });
  });

  it.each([
    ['{ connect: [] }', { connect: [] }],
    ['{ disconnect: [] }', { disconnect: [] }],
    ['{ connect: [], disconnect: [] } (what the admin panel sends)', { connect: [], disconnect: [] }],
  ])('when it is %s, then the relation is unchanged', (_shape, input) => {
    expect(toOneChange(input)).toEqual({ kind: 'unchanged' });
  });

  it('when set is given together with connect, then set wins', () => {
    expect(toOneChange({ set: [DOC], connect: [OTHER] })).toEqual({ kind: 'set', ref: { documentId: DOC } });
  });
});

describe('Given a disconnect-only change and the stored target', () => {
  const current = { id: 4, documentId: DOC };

  it('when it names the current target by documentId or id, then the relation is cleared', () => {
    expect(afterDisconnect(current, [{ documentId: DOC }])).toBeNull();
    expect(afterDisconnect(current, [{ id: 4 }])).toBeNull();
    expect(afterDisconnect(current, [{ id: '4' }])).toBeNull();
  });

  it('when it names another document, then the current target stays', () => {
    expect(afterDisconnect(current, [{ documentId: OTHER }, { id: 5 }])).toBe(current);
  });

  it('when nothing is stored, then there is no target', () => {
    expect(afterDisconnect(null, [{ documentId: DOC }])).toBeNull();
  });
});
