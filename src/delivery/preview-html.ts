import { blocksToHtml, escapeHtml } from './blocks';
import type { ArticlePage, OrgRef, QuoteRef } from './types';

/**
 * A minimal, readable HTML page of an article draft for editors (the admin's
 * Preview panel): headline, standfirst, lead image, body, quotes with their
 * speakers, corrections. Everything is escaped; no script, no external asset.
 */
const speakerOf = (quote: QuoteRef): string => {
  const org = (o: OrgRef | null | undefined) => o?.name ?? '';
  if (quote.speaker) {
    const detail = [quote.speakerTitleAtTime ?? quote.speaker.jobTitle, org(quote.speaker.affiliation)].filter(Boolean).join(', ');
    return detail ? `${quote.speaker.name} (${detail})` : quote.speaker.name;
  }
  if (quote.speakerOrganization) return org(quote.speakerOrganization);
  return quote.speakerDescription ?? 'Unattributed';
};

const STYLE = `body{font:18px/1.6 Georgia,serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}
.banner{font:600 14px system-ui,sans-serif;background:#fff4ce;border:1px solid #e0c36a;padding:.5rem .75rem;border-radius:4px}
h1{font-size:2.2rem;line-height:1.2;margin:.5em 0}.standfirst{font-size:1.25rem;color:#444}
.meta{font:14px system-ui,sans-serif;color:#555}figure{margin:1.5rem 0}img{max-width:100%;height:auto}
figcaption{font:14px system-ui,sans-serif;color:#555}blockquote{border-left:4px solid #bbb;margin:1rem 0;padding:.25rem 1rem}
blockquote footer{font:14px system-ui,sans-serif;color:#555}.corrections{border-top:1px solid #ddd;margin-top:2rem}`;

export const previewHtml = (article: ArticlePage, options: { mediaUrl: (url: string) => string; expiresAt: Date }): string => {
  const image = article.leadImage?.image;
  const figure = image?.url
    ? `<figure><img src="${escapeHtml(options.mediaUrl(image.url))}" alt="${escapeHtml(image.alternativeText ?? '')}">` +
      `<figcaption>${escapeHtml([article.leadImage?.caption, article.leadImage?.credit].filter(Boolean).join(' — '))}</figcaption></figure>`
    : '';
  const quotes = (article.quotes ?? [])
    .map((quote) => `<blockquote><p>${escapeHtml(quote.text)}</p><footer>— ${escapeHtml(speakerOf(quote))}</footer></blockquote>`)
    .join('\n');
  const corrections = (article.corrections ?? []).length
    ? `<section class="corrections"><h2>Corrections</h2><ul>${(article.corrections ?? [])
        .map((c) => `<li><time datetime="${escapeHtml(c.date)}">${escapeHtml(c.date.slice(0, 10))}</time>: ${escapeHtml(c.text)}</li>`)
        .join('')}</ul></section>`
    : '';
  const meta = [article.section, article.dateline, article.byline].filter(Boolean).map((part) => escapeHtml(String(part))).join(' · ');
  return `<!doctype html>
<html lang="${escapeHtml(article.language ?? 'en')}">
<head><meta charset="utf-8"><meta name="robots" content="noindex,nofollow"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Preview: ${escapeHtml(article.headline)}</title><style>${STYLE}</style></head>
<body>
<p class="banner" role="status">Preview of the draft — not published. This link expires at ${escapeHtml(options.expiresAt.toISOString())}.</p>
<article>
<h1>${escapeHtml(article.headline)}</h1>
${article.standfirst ? `<p class="standfirst">${escapeHtml(article.standfirst)}</p>` : ''}
${meta ? `<p class="meta">${meta}</p>` : ''}
${figure}
<div class="body">${blocksToHtml(article.body)}</div>
${quotes ? `<section class="quotes"><h2>Quotes</h2>${quotes}</section>` : ''}
${corrections}
</article>
</body>
</html>`;
};
