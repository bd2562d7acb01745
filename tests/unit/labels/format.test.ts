import { blocksToText, excerpt, expertLabel, quoteLabel, sanctionRecordLabel } from '../../../src/labels/format';

describe('document labels', () => {
  it('a quote shows the start of its text and its speaker: a person, else an organization, else the description', () => {
    const text = 'China is ready to export its surveillance techniques to every country that asks for them, and many do.';
    expect(quoteLabel({ text, speaker: { name: 'Bethany Allen' } })).toBe('“China is ready to export its surveillance techniques to…” — Bethany Allen');
    expect(quoteLabel({ text: 'Short.', speakerOrganization: { name: 'Caltta' } })).toBe('“Short.” — Caltta');
    expect(quoteLabel({ text: 'Short.', speakerDescription: 'a police spokesperson' })).toBe('“Short.” — a police spokesperson');
    expect(quoteLabel({ text: 'Short.' })).toBe('“Short.” — unattributed');
  });

  it('cuts at a word boundary, collapses whitespace, and keeps short texts whole', () => {
    expect(excerpt('a  b\n c')).toBe('a b c');
    expect(excerpt('word '.repeat(30)).endsWith('word…')).toBe(true);
    expect(excerpt('x'.repeat(100))).toBe(`${'x'.repeat(60)}…`);
  });

  it('a sanction record shows organization · program · year; an expert name and affiliation', () => {
    expect(sanctionRecordLabel({ organization: { name: 'Huawei' }, program: 'Entity List', startDate: '2019-05-16' })).toBe('Huawei · Entity List · 2019');
    expect(sanctionRecordLabel({ organization: { name: 'Huawei' }, listingDate: '2021' })).toBe('Huawei · 2021');
    expect(sanctionRecordLabel({ authorityCountry: 'US' })).toBe('Sanction record (US)');
    expect(expertLabel({ name: 'Bethany Allen', affiliation: { name: 'ASPI' } })).toBe('Bethany Allen (ASPI)');
    expect(expertLabel({ name: 'Bethany Allen', affiliation: null })).toBe('Bethany Allen');
  });

  it('the plain text of a Blocks body has one line per block', () => {
    const body = [
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Title' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'Huawei ' }, { type: 'link', url: 'x', children: [{ type: 'text', text: 'and others' }] }] },
      { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [{ type: 'text', text: 'one' }] }, { type: 'list-item', children: [{ type: 'text', text: 'two' }] }] },
    ];
    expect(blocksToText(body)).toBe('Title\nHuawei and others\none\ntwo');
    expect(blocksToText(null)).toBe('');
  });
});
