import { parseStory, StoryParseError } from '../../../src/importer/parse';

const FILE = 'database/seed/stories/broken.txt';

describe('Given input that is not a scraped text story', () => {
  describe('When parseStory reads an empty file', () => {
    it('Then it throws a clear error naming the file', () => {
      expect(() => parseStory('', { sourceFile: FILE })).toThrow(StoryParseError);
      expect(() => parseStory('', { sourceFile: FILE })).toThrow(`parseStory(${FILE}): input is empty`);
    });
  });

  describe('When the file holds only whitespace and a byte-order mark', () => {
    it('Then it is treated as empty', () => {
      expect(() => parseStory('\uFEFF \n\t\r\n  ', { sourceFile: FILE })).toThrow(/broken\.txt.*input is empty/);
    });
  });

  describe('When the file contains NUL bytes', () => {
    it('Then it throws a binary-data error naming the file and the NUL count', () => {
      const junk = 'PK\u0003\u0004\u0000\u0000\u0008\u0000China ready to export';
      expect(() => parseStory(junk, { sourceFile: FILE })).toThrow(/parseStory\(database\/seed\/stories\/broken\.txt\): input looks like binary data.*3 NUL/);
    });
  });

  describe('When the file is mostly non-printable characters without NULs', () => {
    it('Then it throws a binary-data error', () => {
      const junk = Array.from({ length: 200 }, (_, i) => String.fromCharCode(0x80 + (i % 31))).join('') + '\uFFFD'.repeat(50);
      expect(() => parseStory(junk, { sourceFile: 'image.jpg' })).toThrow(/parseStory\(image\.jpg\): input looks like binary data/);
    });
  });

  describe('When the input is not a string at all', () => {
    it('Then it says so instead of crashing', () => {
      expect(() => parseStory(Buffer.from('abc') as unknown as string, { sourceFile: FILE })).toThrow(/input is not a string/);
    });
  });

  describe('When no file name is given', () => {
    it('Then the message still says which input failed', () => {
      expect(() => parseStory('   ')).toThrow('parseStory(<unnamed story>): input is empty');
    });
  });

  describe('When the text has no headline or no paragraph', () => {
    it('Then it throws rather than returning an empty bundle', () => {
      expect(() => parseStory('Spread the love\n\nRead also', { sourceFile: FILE })).toThrow(/no headline found/);
      expect(() => parseStory('A headline\n\nAnother short line', { sourceFile: FILE })).toThrow(/no body paragraphs/);
    });
  });

  describe('When retrievedAt is not a real date', () => {
    it('Then the error names the file and the bad value', () => {
      const story = 'Headline here\n\nPublished yesterday at 10:29\n\nA first paragraph that is long enough to count as running text.';
      expect(() => parseStory(story, { sourceFile: FILE, retrievedAt: '2025-02-30T10:00:00Z' })).toThrow(
        /parseStory\(database\/seed\/stories\/broken\.txt\): retrievedAt is not a valid date\/time: "2025-02-30T10:00:00Z"/,
      );
      expect(() => parseStory(story, { sourceFile: FILE, retrievedAt: new Date('nope') })).toThrow(/retrievedAt is not a valid/);
    });
  });
});
