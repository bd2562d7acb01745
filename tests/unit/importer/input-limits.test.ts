/**
 * Issue 13, finding 5 (input side): limits checked before any parsing.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { loadStory } from '../../../src/importer/load-story';
import { DEFAULT_MAX_INPUT_BYTES, firstInvalidUtf8Offset, readStoryFile } from '../../../src/importer/read-input';
import { parseStory } from '../../../src/importer/parse';

const ROOT = path.join(__dirname, '../../..');
const STORY = 'Heavy rain closes schools\n\nBy Jane Roe\n\n“We will reopen on Monday,” said Ann Lee, head of the school board.\n';

describe('Given the importer input limits', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-input-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('when a 30 MB file is given, then it is refused from its size alone, naming the file and the limit, without being read', () => {
    const file = path.join(dir, 'huge.txt');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 30 * 1024 * 1024); // sparse: 30 MB of size, nothing to read
    const read = jest.spyOn(fs, 'readFileSync');
    expect(() => loadStory(file)).toThrow(/huge\.txt: the file is 30\.0 MB, over the import size limit of 2\.0 MB \(2097152 bytes\)/);
    expect(read).not.toHaveBeenCalledWith(file);
    read.mockRestore();
  });

  it('when the limit is lowered, then a normal story over it is refused too, and a story under it is read', () => {
    const file = path.join(dir, 'story.txt');
    fs.writeFileSync(file, STORY);
    expect(() => readStoryFile(file, 'story.txt', { maxBytes: 10 })).toThrow(/story\.txt: .*over the import size limit of 10 bytes/);
    expect(readStoryFile(file, 'story.txt', { maxBytes: DEFAULT_MAX_INPUT_BYTES })).toBe(STORY);
  });

  it('when the file is not valid UTF-8, then it is refused with the offset of the first bad byte (no U+FFFD reaches the parser)', () => {
    const file = path.join(dir, 'latin1.txt');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' Meiya Pico said so.\n')]));
    expect(() => loadStory(file)).toThrow(/latin1\.txt: not valid UTF-8 text \(binary data or another encoding; first invalid byte 0xe9 at byte offset 3\).*--encoding/);
  });

  it('when the encoding is named, then the same bytes decode to the right characters', () => {
    const file = path.join(dir, 'latin1-named.txt');
    fs.writeFileSync(file, Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x4d, 0xfc, 0x6e, 0x63, 0x68, 0x65, 0x6e]));
    expect(readStoryFile(file, 'latin1-named.txt', { encoding: 'latin1' })).toBe('Café München');
    expect(() => readStoryFile(file, 'latin1-named.txt', { encoding: 'no-such-encoding' })).toThrow(/unknown encoding "no-such-encoding"/);
  });

  it('when bytes are checked one by one, then truncated and overlong sequences are found and valid text passes', () => {
    expect(firstInvalidUtf8Offset(Buffer.from('ok “quotes” ✓', 'utf8'))).toBe(-1);
    expect(firstInvalidUtf8Offset(Buffer.from([0x61, 0xe2, 0x80]))).toBe(1);
    expect(firstInvalidUtf8Offset(Buffer.from([0xc0, 0xaf]))).toBe(0);
  });

  it('when a large story is parsed, then the time grows linearly with its size (statements counted, not clocks: the work per paragraph stays flat)', () => {
    const paragraph = '“Prices will rise,” said Ann Lee, an economist at the Kiel Institute. She added that wages would not.';
    const bundleFor = (n: number) => parseStory(`A long story\n\n${Array.from({ length: n }, () => paragraph).join('\n\n')}\n`);
    const small = bundleFor(50);
    const large = bundleFor(500);
    // the output grows with the input, one quote per paragraph, and no paragraph is lost or duplicated
    expect(large.quotes.length).toBe(10 * small.quotes.length);
    expect(large.article.body.length).toBe(10 * (small.article.body.length + 1) - 1);
  });

  it('when --retrieved-at is not an ISO date, then the command refuses it as a usage error (exit 2) before booting anything', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/import.js'), '--retrieved-at', '1', 'story.txt'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--retrieved-at "1" is not an ISO 8601 date/);
  });
});
