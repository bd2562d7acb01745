/**
 * A saved news page → the story's text blocks and the page's own metadata.
 * The article body is found by Mozilla's Readability (the Firefox reader
 * view) over linkedom, a DOM without a browser; we only turn its cleaned
 * article HTML into blocks, one per paragraph, heading or quotation.
 */
import { Readability } from '@mozilla/readability';
import type * as Linkedom from 'linkedom';
import { readPageMetadata, type PageMetadata } from './page-metadata';

export type ExtractedBlock = {
  text: string;
  heading: boolean;
  /** Share of the block's characters inside links: ≈ 1 for a link to another story. */
  linkDensity: number;
  /** Inside a <figure>/<figcaption>: a caption or a media placeholder, not story text. */
  inFigure: boolean;
};

export type ExtractedPage = {
  metadata: PageMetadata;
  /** The byline Readability found in the page (when no metadata names an author). */
  byline?: string;
  /** Body blocks in order: paragraphs and headings, with what the layout says about them. */
  blocks: ExtractedBlock[];
};

const BLOCK_SELECTOR = 'p, h2, h3, h4, h5, h6, blockquote, li, pre, figcaption';
const squash = (value: string): string => value.replace(/\s+/g, ' ').trim();

type LinkedDocument = {
  body: unknown;
  querySelectorAll(selector: string): ArrayLike<{ textContent: string | null; getAttribute(name: string): string | null }>;
};

/**
 * linkedom depends on an ESM-only css-select. Node ≥ 20.19 loads it through
 * require(esm); jest's module registry (which also stands in for `module`)
 * cannot, so linkedom is loaded with Node's own require, taken from the
 * built-in module itself: the same package and version in every runtime.
 */
const nodeRequire = (process.getBuiltinModule?.('module') as typeof import('module') | undefined)?.createRequire(__filename) ?? require;
const { parseHTML } = nodeRequire('linkedom') as typeof Linkedom;

/** linkedom's `parseHTML` returns a window-like object; its types lack `document` without the DOM lib. */
const parseDocument = (html: string): LinkedDocument => (parseHTML(html) as unknown as { document: LinkedDocument }).document;

type Node = {
  textContent: string | null;
  tagName?: string;
  closest?(selector: string): unknown;
  parentElement?: Node | null;
  querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }>;
};

const linkDensity = (element: Node, text: string): number => {
  const linked = Array.from(element.querySelectorAll('a')).reduce((sum, link) => sum + squash(link.textContent ?? '').length, 0);
  return text.length === 0 ? 0 : Math.min(1, linked / text.length);
};

export class NotAnArticleError extends Error {}

export const extractArticle = (html: string): ExtractedPage => {
  const document = parseDocument(html);
  // read metadata first: Readability rewrites the document it is given
  const metadata = readPageMetadata(document);
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200 }).parse();
  if (!article?.content) throw new NotAnArticleError('no article text found in the page (Readability found no readable content)');
  const content = parseDocument(`<!doctype html><html><body>${article.content}</body></html>`);
  const blocks: ExtractedPage['blocks'] = [];
  for (const element of Array.from(content.querySelectorAll(BLOCK_SELECTOR)) as unknown as Node[]) {
    // a <p> inside a <blockquote> or <li> is read once, through its container
    const parent = element.parentElement?.closest?.('blockquote, li');
    if (parent) continue;
    const text = squash(element.textContent ?? '');
    if (text) {
      blocks.push({
        text,
        heading: /^H[2-6]$/.test(element.tagName ?? ''),
        linkDensity: linkDensity(element, text),
        inFigure: Boolean(element.closest?.('figure, figcaption')),
      });
    }
  }
  if (metadata.headline === undefined && article.title) metadata.headline = squash(article.title);
  return { metadata, byline: article.byline ? squash(article.byline) : undefined, blocks };
};

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'HEAD']);
const BLOCK = /^(?:P|DIV|SECTION|ARTICLE|HEADER|FOOTER|NAV|ASIDE|MAIN|H[1-6]|LI|UL|OL|BLOCKQUOTE|FIGURE|FIGCAPTION|TABLE|TR|BR|HR|FORM|PRE|DL|DT|DD|ADDRESS)$/;

type Walkable = { nodeType: number; tagName?: string; textContent: string | null; childNodes: ArrayLike<Walkable>; hidden?: boolean; getAttribute?(name: string): string | null };

/**
 * The page as a reader sees it and a scraper delivers it: every visible text
 * run, one block per block-level element (menus, share lines, captions and
 * related links included). Used to build the `.txt` form of corpus pages.
 */
export const visibleText = (html: string): string => {
  const document = parseDocument(html);
  const out: string[] = [];
  let line = '';
  const flush = () => {
    const text = squash(line);
    if (text) out.push(text);
    line = '';
  };
  const walk = (node: Walkable) => {
    if (node.nodeType === 3) {
      line += ` ${node.textContent ?? ''}`;
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node.tagName ?? '').toUpperCase();
    if (SKIP.has(tag) || node.getAttribute?.('hidden') !== null || node.getAttribute?.('aria-hidden') === 'true') return;
    if (/display:\s*none/i.test(node.getAttribute?.('style') ?? '')) return;
    const block = BLOCK.test(tag);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
  };
  walk(document.body as unknown as Walkable);
  flush();
  return `${out.join('\n\n')}\n`;
};
