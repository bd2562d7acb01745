/**
 * HTML input (issue 12): a saved news page from the corpus imports with its
 * headline, byline, date and quotes, and without the page's furniture.
 */
import fs from 'fs';
import path from 'path';
import { parseHtmlStory } from '../../../src/importer/html/parse-html';
import { readPageMetadata } from '../../../src/importer/html/page-metadata';
import { loadStory } from '../../../src/importer/load-story';

const CORPUS = path.join(__dirname, '../../fixtures/corpus');
const page = (id: string) => fs.readFileSync(path.join(CORPUS, id, 'source.html'), 'utf8');

describe('Given a saved news page (nytimes-blackouts)', () => {
  const bundle = parseHtmlStory(page('nytimes-blackouts'), { sourceFile: 'nytimes-blackouts/source.html' });

  it('when parsed, then headline, byline and publication time come from the page metadata', () => {
    expect(bundle.source.format).toBe('html_page');
    expect(bundle.article.headline).toBe('Rolling Blackouts in California Have Power Experts Stumped');
    expect(bundle.article.credits).toEqual([{ name: 'Ivan Penn', role: 'reporter' }]);
    expect(bundle.article.datePublished).toBe('2020-08-16T23:40:47.000Z');
    // the page states the time itself: nothing was inferred, so no flag
    expect(bundle.reviewFlags.some((flag) => flag.path === 'article.datePublished')).toBe(false);
  });

  it('when parsed, then its quotes have their speakers and the furniture is not in the body', () => {
    const powers = bundle.people.find((person) => person.name === 'Bill Powers');
    expect(bundle.quotes.find((quote) => quote.text.startsWith('They set it up'))?.speaker).toBe(powers?.key);
    const body = JSON.stringify(bundle.article.body);
    expect(body).not.toMatch(/Continue reading the main story|Advertisement|Supported by/);
  });
});

describe('Given pages with wire datelines and related links', () => {
  it('when a Reuters page is parsed, then the dateline, the agency and the reporter are read and the furniture is removed', () => {
    const bundle = parseHtmlStory(page('reuters-parasite'));
    expect(bundle.article.dateline).toBe('LOS ANGELES');
    expect(bundle.article.sourceAgency).toBe('reuters');
    expect(bundle.article.credits.map((credit) => credit.name)).toEqual(['Jill Serjeant']);
    const text = JSON.stringify([bundle.article.standfirst, bundle.article.body]);
    expect(text).not.toMatch(/4 Min Read|Related Coverage|for-phone-only/);
    expect(bundle.removed.map((block) => block.kind)).toEqual(expect.arrayContaining(['boilerplate']));
  });

  it('when links to other stories sit between paragraphs, then they are removed as related links (wapo-tunisia)', () => {
    const bundle = parseHtmlStory(page('wapo-tunisia'));
    expect(bundle.removed.filter((block) => block.kind === 'related_link').map((block) => block.text)).toEqual(
      expect.arrayContaining(['[Read: Why Tunisia, Arab Spring’s sole success story, suffers from Islamist violence]']),
    );
    expect(bundle.article.credits.map((credit) => credit.name)).toEqual(['Erin Cunningham']);
  });

  it('when a page is loaded from disk by the importer, then .html goes through the HTML path', () => {
    const bundle = loadStory(path.join(CORPUS, 'guardian-academics', 'source.html'));
    expect(bundle.article.headline).toBe("Thousands of UK academics 'treated as second-class citizens'");
  });
});

describe('Given page metadata', () => {
  it('when JSON-LD sits in an @graph with an author list, then it wins over Open Graph', () => {
    const html = `<html><head>
      <meta property="og:title" content="Site | Headline">
      <meta property="article:published_time" content="2020-01-01T00:00:00Z">
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
        {"@type":"NewsArticle","headline":"The real headline","datePublished":"2021-02-03T04:05:06Z",
         "author":[{"@type":"Person","name":"A. Smith"},{"@type":"Person","name":"B. Jones"}],"articleSection":"World"}]}</script>
      </head><body></body></html>`;
    const metadata = readPageMetadata(fakeDocument(html));
    expect(metadata).toMatchObject({ headline: 'The real headline', authors: ['A. Smith', 'B. Jones'], datePublished: '2021-02-03T04:05:06Z', section: 'World' });
  });
});

/** A minimal document for readPageMetadata: the JSON-LD scripts and meta tags of `html`. */
const fakeDocument = (html: string): Parameters<typeof readPageMetadata>[0] => {
  const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => ({ textContent: m[1], getAttribute: () => null }));
  const metas = [...html.matchAll(/<meta (property|name)="([^"]+)" content="([^"]*)">/g)].map((m) => ({
    textContent: null,
    getAttribute: (name: string) => (name === 'content' ? m[3] : name === m[1] ? m[2] : null),
    key: m[2],
  }));
  return {
    querySelectorAll: (selector: string) => {
      if (selector.startsWith('script')) return scripts;
      const key = /\[property="([^"]+)"\]/.exec(selector)?.[1];
      return metas.filter((meta) => meta.key === key);
    },
  };
};
