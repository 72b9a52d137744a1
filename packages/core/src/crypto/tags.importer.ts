// Attribution tags: GraphSense TagPack YAML (header fields are defaults for every tag; see graphsense-tagpack-tool's
// TagPack schema) and a simple CSV "address,label,category,source". Addresses are validated and normalised; a tag
// whose currency/network does not match its address is an error naming the file and tag.
import type { Readable } from 'node:stream';
import { parseDocument } from 'yaml';
import { validateAddress, type AddressChain } from './address';
import { readCsvRows } from './csv-rows';
import { importError, type TagRecord } from './flow-record';
import { skip, type ImportStats } from './import-common';

const CHAIN_OF: Record<string, AddressChain> = { BTC: 'btc', ETH: 'eth', TRX: 'trx' };
/** Tokens issued on several chains: the chain comes from the address. */
const TOKENS = new Set(['USDT', 'USDC', 'DAI', 'BUSD', 'TUSD']);
const str = (v: unknown) => (v === undefined || v === null || v === '' ? null : String(v));

export interface TagPackOptions {
  /** Fail on the first invalid address instead of leaving it out with a warning (default false). */
  strict?: boolean;
}

/**
 * Published TagPacks are third-party reference data with occasional slips; by default a tag with an invalid or
 * mismatched address is left out and reported in `stats.warnings` (file, line, reason) rather than failing the pack.
 */
export function importTagPackYaml(
  text: string,
  file: string,
  stats: ImportStats,
  options: TagPackOptions = {},
): TagRecord[] {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    throw importError(
      file,
      e.linePos?.[0]?.line ?? null,
      `not valid YAML (${e.message.split('\n')[0]})`,
      'crypto_import_malformed',
    );
  }
  const pack = doc.toJS() as Record<string, unknown> | null;
  const tags = pack?.tags;
  if (!pack || !Array.isArray(tags))
    throw importError(file, null, 'not a TagPack: no "tags" list', 'crypto_import_unknown_columns');
  const seq = doc.get('tags', true) as { items?: { range?: [number, number, number] }[] } | undefined;
  const lineOf = (i: number) => {
    const offset = seq?.items?.[i]?.range?.[0];
    return offset === undefined ? i + 1 : text.slice(0, offset).split('\n').length;
  };
  const out: TagRecord[] = [];
  for (let i = 0; i < tags.length; i++) {
    stats.read++;
    const tag = { ...pack, ...(tags[i] as Record<string, unknown>) };
    const line = lineOf(i);
    const address = String(tag.address ?? '').trim();
    const currency = String(tag.currency ?? '').toUpperCase();
    const network = String(tag.network ?? '').toUpperCase();
    const declared = CHAIN_OF[network] ?? CHAIN_OF[currency];
    if (!declared && !TOKENS.has(currency)) {
      // Litecoin, Monero, Zcash …: other chains are counted and left out, not errors.
      skip(stats, `unsupported_currency_${(network || currency || 'none').toLowerCase()}`);
      continue;
    }
    const v = validateAddress(address);
    if (!v.valid) {
      if (options.strict) {
        throw importError(
          file,
          line,
          `tag address "${address.slice(0, 80)}" is not valid (${v.error})`,
          'crypto_import_bad_address',
        );
      }
      // Third-party packs contain slips (a truncated Tron address in the KuCoin pack): left out and reported.
      skip(stats, 'invalid_address');
      stats.warnings.push(
        `${file}, line ${line}: "${address.slice(0, 80)}" is not a valid address (${v.error}); left out`,
      );
      continue;
    }
    if (declared && declared !== v.chain) {
      // Published lists contain such slips (OFAC: a Tron address listed as BTC). Importing the tag under either chain
      // would assert something the source did not say, so it is left out and reported.
      skip(stats, 'currency_mismatch');
      stats.warnings.push(
        `${file}, line ${line}: tag for ${network || currency} but "${address}" is a ${v.chain} address; left out`,
      );
      continue;
    }
    const label = str(tag.label);
    if (!label)
      throw importError(
        file,
        line,
        'tag has no label (neither on the tag nor in the pack header)',
        'crypto_import_invalid',
      );
    out.push({
      address: v.normalized!,
      chain: v.chain!,
      label,
      category: str(tag.category),
      actor: str(tag.actor),
      source: str(tag.source),
      confidence: str(tag.confidence),
      isClusterDefiner: tag.is_cluster_definer === true,
      pack: str(pack.title) ?? file,
      creator: str(pack.creator),
      lastmod: str(tag.lastmod),
      context: str(tag.context),
      line,
    });
  }
  stats.records += out.length;
  return out;
}

export async function importTagCsv(input: Readable, file: string, stats: ImportStats): Promise<TagRecord[]> {
  const out: TagRecord[] = [];
  const rows = readCsvRows(input, file, [
    { name: 'address', aliases: ['address', 'wallet', 'Address'], required: true },
    { name: 'label', aliases: ['label', 'name', 'entity'], required: true },
    { name: 'category', aliases: ['category', 'type'], required: false },
    { name: 'source', aliases: ['source', 'url', 'reference'], required: false },
    { name: 'confidence', aliases: ['confidence'], required: false },
  ]);
  for await (const row of rows) {
    stats.read++;
    const address = (row.get('address') ?? '').trim();
    const v = validateAddress(address);
    if (!v.valid)
      throw importError(
        file,
        row.line,
        `"${address.slice(0, 80)}" is not a valid address (${v.error})`,
        'crypto_import_bad_address',
      );
    const label = (row.get('label') ?? '').trim();
    if (!label) throw importError(file, row.line, 'the label is empty', 'crypto_import_invalid');
    out.push({
      address: v.normalized!,
      chain: v.chain!,
      label,
      category: str(row.get('category')?.trim()),
      actor: null,
      source: str(row.get('source')?.trim()),
      confidence: str(row.get('confidence')?.trim()),
      isClusterDefiner: false,
      pack: file.split('/').pop() ?? file,
      creator: null,
      lastmod: null,
      context: null,
      line: row.line,
    });
  }
  stats.records += out.length;
  return out;
}
