/**
 * What a news page says about itself, read from its own markup: JSON-LD
 * (`NewsArticle` and kin, also inside `@graph`), Open Graph / `article:*`
 * meta tags and `<meta name="author">`. JSON-LD wins over meta tags because
 * it is the publisher's structured statement; meta tags fill the gaps.
 */
export type PageMetadata = {
  headline?: string;
  /** Person or agency names, as the page lists them. */
  authors: string[];
  section?: string;
  /** ISO date-time as the page states it. */
  datePublished?: string;
  siteName?: string;
  description?: string;
  imageCaption?: string;
  /** link rel=canonical, else og:url, else the JSON-LD article's url (as written; parse/story-key.ts judges it). */
  canonicalUrl?: string;
};

type Json = unknown;

const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|WebPage|ReportageArticle|LiveBlogPosting)$/;

const text = (value: Json): string | undefined => {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim() || undefined;
  if (Array.isArray(value)) return text(value[0]);
  return undefined;
};

const names = (value: Json): string[] => {
  if (!value) return [];
  if (Array.isArray(value)) return value.flatMap(names);
  if (typeof value === 'string') return [value.trim()].filter(Boolean);
  if (typeof value === 'object') {
    const name = text((value as Record<string, Json>).name);
    return name ? [name] : [];
  }
  return [];
};

const typeOf = (node: Record<string, Json>): string[] => {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
};

/** Every object in a JSON-LD document (top level, arrays and `@graph`). */
const nodes = (value: Json): Record<string, Json>[] => {
  if (Array.isArray(value)) return value.flatMap(nodes);
  if (!value || typeof value !== 'object') return [];
  const node = value as Record<string, Json>;
  return [node, ...nodes(node['@graph'])];
};

type Doc = { querySelectorAll(selector: string): ArrayLike<{ textContent: string | null; getAttribute(name: string): string | null }> };

const jsonLdArticle = (document: Doc): Record<string, Json> | undefined => {
  const scripts = Array.from(document.querySelectorAll('script[type="application/ld+json"]'));
  for (const script of scripts) {
    let data: Json;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // a broken block on the page is not our input error
    }
    const article = nodes(data).find((node) => typeOf(node).some((type) => ARTICLE_TYPES.test(type) && type !== 'WebPage') && node.headline);
    if (article) return article;
  }
  return undefined;
};

const meta = (document: Doc, ...keys: string[]): string | undefined => {
  for (const key of keys) {
    for (const element of Array.from(document.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`))) {
      const value = text(element.getAttribute('content'));
      if (value) return value;
    }
  }
  return undefined;
};

const LOOKS_LIKE_URL = /^https?:\/\//;

export const readPageMetadata = (document: Doc): PageMetadata => {
  const ld = jsonLdArticle(document) ?? {};
  const image = Array.isArray(ld.image) ? ld.image[0] : ld.image;
  const authorsFromLd = names(ld.author).filter((name) => !LOOKS_LIKE_URL.test(name));
  const metaAuthor = meta(document, 'author', 'article:author', 'byl', 'sailthru.author', 'parsely-author');
  return {
    headline: text(ld.headline) ?? meta(document, 'og:title', 'twitter:title'),
    authors: authorsFromLd.length > 0 ? authorsFromLd : metaAuthor && !LOOKS_LIKE_URL.test(metaAuthor) ? [metaAuthor] : [],
    section: text(ld.articleSection) ?? meta(document, 'article:section'),
    datePublished: text(ld.datePublished) ?? meta(document, 'article:published_time', 'datePublished', 'pubdate', 'date'),
    siteName: names(ld.publisher)[0] ?? meta(document, 'og:site_name'),
    description: text(ld.description) ?? meta(document, 'og:description', 'description'),
    imageCaption: image && typeof image === 'object' ? text((image as Record<string, Json>).caption) : undefined,
    canonicalUrl: text(Array.from(document.querySelectorAll('link[rel="canonical"]'))[0]?.getAttribute('href')) ?? meta(document, 'og:url') ?? text(ld.url),
  };
};
