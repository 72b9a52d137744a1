// Reads recruitment items out of saved web pages: a single HTML page, or every HTML response in a WARC capture
// (ISO 28500, plain or gzip). The HTML is parsed with htmlparser2 and turned into the text a reader sees with
// html-to-text (scripts, styles and markup dropped; link targets kept, since t.me / wa.me links are identifiers).
// A page that marks its posts with <article> (classifieds lists, group and channel captures) gives one item per
// innermost article; any other page is one item. Each item's position says where it came from: WARC record number,
// record id and byte offset, then the article number, so an analyst can go back to the exact bytes.
import iconv from 'iconv-lite';
import { convert, type HtmlToTextOptions } from 'html-to-text';
import { parseDocument, DomUtils } from 'htmlparser2';
import { AppError, invalid } from '@trag/core/shared';
import { decodeText, type ImportEncoding, type ImportedItem } from './item-importer';
import { MAX_ITEM_TEXT, type LineError } from './item-reader';

const TEXT_OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    { selector: 'img', format: 'skip' },
    ...(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const).map((h) => ({
      selector: h,
      options: { uppercase: false },
    })),
  ],
};

/** HTML media types read from WARC records; everything else (images, scripts, JSON) is skipped and counted. */
const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

type HtmlDocument = ReturnType<typeof parseDocument>;
type AnyNode = HtmlDocument['children'][number];
type Element = ReturnType<typeof DomUtils.findAll>[number];

export interface PageContext {
  /** Where the page itself sits, e.g. "WARC record 3 <urn:uuid:…> at byte 654"; empty for a lone page. */
  position: string;
  url: string | null;
  source: string | null;
  /** Prefix for external ids, so items from different records stay distinct. */
  idPrefix: string;
}

function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

function textOf(nodes: AnyNode[]): string {
  return convert(DomUtils.getOuterHTML(nodes, { decodeEntities: true }), TEXT_OPTIONS).trim();
}

function pageUrl(html: string, document: HtmlDocument): string | null {
  const canonical = DomUtils.findOne(
    (el) => el.name === 'link' && (el.attribs.rel ?? '').toLowerCase() === 'canonical' && !!el.attribs.href,
    document.children,
  );
  if (canonical) return canonical.attribs.href ?? null;
  const og = DomUtils.findOne(
    (el) => el.name === 'meta' && el.attribs.property === 'og:url' && !!el.attribs.content,
    document.children,
  );
  if (og) return og.attribs.content ?? null;
  // Browsers' "Save page as" note: <!-- saved from url=(0040)http://… -->
  const saved = /<!-- saved from url=\(\d+\)(\S+?) -->/.exec(html.slice(0, 4096));
  return saved ? saved[1]! : null;
}

/** Items of one HTML page. Bad pieces (too long) are reported in `errors` with the article number as `line`. */
export function itemsFromHtml(html: string, context: PageContext): { items: ImportedItem[]; errors: LineError[] } {
  const document = parseDocument(html);
  const url = context.url ?? pageUrl(html, document);
  const articles = DomUtils.findAll((el) => el.name === 'article', document.children).filter(
    (el) => DomUtils.findOne((inner) => inner.name === 'article', el.children) === null,
  );
  const prefix = context.position ? `${context.position} · ` : '';
  const items: ImportedItem[] = [];
  const errors: LineError[] = [];
  const push = (text: string, number: number | null, postedAt: string | null) => {
    if (text === '') return;
    if (text.length > MAX_ITEM_TEXT) {
      errors.push({ line: number ?? 1, message: `the text is longer than ${MAX_ITEM_TEXT} characters` });
      return;
    }
    items.push({
      externalId: number === null ? `${context.idPrefix}page` : `${context.idPrefix}article-${number}`,
      text,
      url,
      postedAt,
      source: context.source,
      position: number === null ? `${prefix}page` : `${prefix}article ${number} of ${articles.length}`,
    });
  };
  if (articles.length > 0) {
    articles.forEach((article, index) => {
      const time = DomUtils.findOne((el) => el.name === 'time' && !!el.attribs.datetime, article.children);
      push(textOf(article.children), index + 1, time?.attribs.datetime ?? null);
    });
  } else {
    const title = DomUtils.findOne((el) => el.name === 'title', document.children);
    const titleText = title ? DomUtils.textContent(title).trim() : '';
    const body = DomUtils.findOne((el) => el.name === 'body', document.children);
    const bodyText = textOf(body ? body.children : document.children.filter((n) => !isElement(n) || n.name !== 'head'));
    // The title often carries the ad's headline; keep it unless the body already starts with it.
    push(titleText && !bodyText.startsWith(titleText) ? `${titleText}\n\n${bodyText}` : bodyText, null, null);
  }
  return { items, errors };
}

/** Decodes an HTML payload: the charset the server declared wins, then the page's <meta charset>, then detection. */
export function decodeHtml(bytes: Uint8Array, contentType: string | null, encoding: ImportEncoding = 'auto'): string {
  if (encoding !== 'auto') return decodeText(bytes, encoding).text;
  const declared =
    /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1] ??
    /<meta[^>]+charset=["']?([\w-]+)/i.exec(Buffer.from(bytes.subarray(0, 2048)).toString('latin1'))?.[1];
  if (declared && iconv.encodingExists(declared) && !/^utf-?8$/i.test(declared)) {
    return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), declared);
  }
  return decodeText(bytes, 'auto').text;
}

export interface WarcItems {
  items: ImportedItem[];
  errors: LineError[];
  /** HTML responses read. */
  pages: number;
  /** Records that were not HTML responses (request, metadata, images …). */
  skipped: number;
}

/**
 * Items of every HTML response/resource record of a WARC (plain or gzip; warcio detects which). `errors` use the
 * WARC record number as `line`. Throws `import_warc_invalid` when the bytes are not a WARC at all.
 */
export async function itemsFromWarc(
  bytes: Uint8Array,
  options: { source: string | null; encoding?: ImportEncoding },
): Promise<WarcItems> {
  // Loaded on first use: warcio brings a WebAssembly hasher and zlib port that an idle server need not hold.
  const { WARCParser } = await import('warcio');
  const parser = new WARCParser([bytes]);
  const items: ImportedItem[] = [];
  const errors: LineError[] = [];
  let pages = 0;
  let skipped = 0;
  let number = 0;
  try {
    for await (const record of parser) {
      number += 1;
      // warcio is lenient about the version line; a file without one is not a capture we can cite.
      if (!/^WARC\/1\.[01]$/.test(record.warcHeaders.statusline.trim())) {
        throw invalid('import_warc_invalid', `This is not a WARC capture (record ${number} has no WARC/1.x line).`);
      }
      const offset = parser.offset;
      const type = record.warcType;
      const mediaType =
        type === 'response'
          ? (record.httpHeaders?.headers.get('content-type') ?? null)
          : type === 'resource'
            ? (record.warcContentType ?? null)
            : null;
      const status = type === 'response' ? Number(record.httpHeaders?.statusCode) : 200;
      if (!mediaType || !HTML_TYPES.test(mediaType) || !(status >= 200 && status < 300)) {
        skipped += 1;
        await record.skipFully();
        continue;
      }
      pages += 1;
      const payload = await record.readFully(true);
      const recordId = (record.warcHeader('WARC-Record-ID') ?? '').replace(/^<|>$/g, '');
      const url = record.warcTargetURI ?? null;
      const date = record.warcDate ?? null;
      const page = itemsFromHtml(decodeHtml(payload, mediaType, options.encoding), {
        position: `WARC record ${number}${recordId ? ` <${recordId}>` : ''} at byte ${offset}`,
        url,
        source: [options.source, date ? `captured ${date}` : null].filter(Boolean).join(' · ') || null,
        idPrefix: `${recordId || `record-${number}`}#`,
      });
      items.push(...page.items);
      for (const e of page.errors) errors.push({ line: number, message: `article ${e.line}: ${e.message}` });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (number === 0) {
      throw invalid('import_warc_invalid', 'This file is not a WARC capture (no WARC/1.x record found).');
    }
    throw invalid(
      'import_warc_invalid',
      `The WARC capture cannot be read after record ${number} (truncated or damaged); nothing was imported.`,
      { record: number, reason: error instanceof Error ? error.message.slice(0, 200) : 'unknown' },
    );
  }
  if (number === 0) throw invalid('import_warc_invalid', 'This file is not a WARC capture (no WARC/1.x record found).');
  return { items, errors, pages, skipped };
}
