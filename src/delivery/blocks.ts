/**
 * Strapi "blocks" rich text → plain text and minimal, escaped HTML, for the
 * formats that carry the body (ninjs bodies, JSON-LD articleBody).
 */
type Node = {
  type?: string;
  text?: string;
  children?: Node[];
  level?: number;
  format?: string;
  url?: string;
  image?: { url?: string; alternativeText?: string | null };
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  code?: boolean;
};

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'list', 'list-item', 'quote', 'code', 'image']);

export const escapeHtml = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const nodes = (value: unknown): Node[] => (Array.isArray(value) ? (value as Node[]) : []);

const inlineText = (list: Node[]): string =>
  list.map((node) => (node.type === 'text' || typeof node.text === 'string' ? (node.text ?? '') : inlineText(nodes(node.children)))).join('');

export const blocksToText = (value: unknown): string => {
  const lines: string[] = [];
  const walk = (list: Node[]) => {
    for (const node of list) {
      if (node.type === 'list') walk(nodes(node.children));
      else if (node.type === 'image') continue;
      else if (BLOCK_TYPES.has(node.type ?? '')) lines.push(inlineText(nodes(node.children)));
    }
  };
  walk(nodes(value));
  return lines.map((line) => line.trim()).filter(Boolean).join('\n\n');
};

const safeUrl = (url: string | undefined): string | null => {
  if (!url) return null;
  try {
    const parsed = new URL(url, 'http://relative.invalid');
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? url : null;
  } catch {
    return null;
  }
};

const inlineHtml = (list: Node[]): string =>
  list
    .map((node) => {
      if (node.type === 'link') {
        const href = safeUrl(node.url);
        const inner = inlineHtml(nodes(node.children));
        return href ? `<a href="${escapeHtml(href)}">${inner}</a>` : inner;
      }
      let html = escapeHtml(node.text ?? '');
      if (node.code) html = `<code>${html}</code>`;
      if (node.bold) html = `<strong>${html}</strong>`;
      if (node.italic) html = `<em>${html}</em>`;
      if (node.underline) html = `<u>${html}</u>`;
      if (node.strikethrough) html = `<s>${html}</s>`;
      return html;
    })
    .join('');

export const blocksToHtml = (value: unknown): string => {
  const render = (node: Node): string => {
    const inner = () => inlineHtml(nodes(node.children));
    switch (node.type) {
      case 'paragraph':
        return `<p>${inner()}</p>`;
      case 'heading': {
        const level = Math.min(Math.max(Number(node.level) || 2, 1), 6);
        return `<h${level}>${inner()}</h${level}>`;
      }
      case 'quote':
        return `<blockquote>${inner()}</blockquote>`;
      case 'code':
        return `<pre><code>${escapeHtml(inlineText(nodes(node.children)))}</code></pre>`;
      case 'list': {
        const tag = node.format === 'ordered' ? 'ol' : 'ul';
        return `<${tag}>${nodes(node.children).map(render).join('')}</${tag}>`;
      }
      case 'list-item':
        return `<li>${inner()}</li>`;
      case 'image': {
        const src = safeUrl(node.image?.url);
        return src ? `<img src="${escapeHtml(src)}" alt="${escapeHtml(node.image?.alternativeText ?? '')}">` : '';
      }
      default:
        return '';
    }
  };
  return nodes(value).map(render).join('\n');
};

export const wordCount = (text: string): number => (text.match(/\S+/g) ?? []).length;
