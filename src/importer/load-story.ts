import fs from 'fs';
import path from 'path';
import { parseStory } from './parse';
import { parseHtmlStory } from './html/parse-html';
import { readStoryFile, type ReadLimits } from './read-input';
import type { KnownOrganization } from './entity-knowledge';
import { validateBundle } from './bundle-schema';
import type { StoryBundle } from './types';

export type LoadOptions = { retrievedAt?: string; lexicon?: readonly KnownOrganization[] } & ReadLimits;

/** A story that cannot be imported, with the file (and field) at fault. */
export class StoryInputError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message.startsWith(file) ? message : `${file}: ${message}`);
    this.name = 'StoryInputError';
  }
}

/** `.txt` is a raw scraped story (parsed), `.json` a story bundle (validated). */
export const loadStory = (file: string, options: LoadOptions = {}): StoryBundle => {
  const display = path.relative(process.cwd(), file) || file;
  try {
    const raw = readStoryFile(file, display, options);
    if (file.endsWith('.json')) {
      let data: unknown;
      try {
        data = JSON.parse(raw);
      } catch (error) {
        throw new StoryInputError(display, `not valid JSON (${(error as Error).message})`);
      }
      return validateBundle(data, display) as StoryBundle;
    }
    const parse = HTML_FILE.test(file) ? parseHtmlStory : parseStory;
    const bundle = parse(raw, { sourceFile: display, retrievedAt: options.retrievedAt, lexicon: options.lexicon });
    return validateBundle(bundle, display) as StoryBundle;
  } catch (error) {
    if (error instanceof StoryInputError) throw error;
    throw new StoryInputError(display, (error as Error).message);
  }
};

const STORY_FILE = /\.(txt|json|html?)$/;
const HTML_FILE = /\.html?$/i;
// Editor's notes beside a bundle are not stories.
const NOT_A_STORY = /\.curation\.json$/;

/** Files and folders → story files, sorted, folders walked recursively. */
export const expandInputs = (inputs: readonly string[]): string[] => {
  const files: string[] = [];
  const walk = (target: string) => {
    const stat = fs.statSync(target, { throwIfNoEntry: false });
    if (!stat) throw new StoryInputError(target, 'no such file or folder');
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(target).sort()) {
        const child = path.join(target, entry);
        if (fs.statSync(child).isDirectory() || (STORY_FILE.test(entry) && !NOT_A_STORY.test(entry))) walk(child);
      }
      return;
    }
    files.push(target);
  };
  inputs.forEach((input) => walk(path.resolve(input)));
  return files;
};
