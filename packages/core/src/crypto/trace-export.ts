// Exports of a trace: per-path CSV, GraphML (for Gephi/yEd/i2), FollowTheMoney JSON lines (CryptoWallet and Payment
// entities, for Aleph), and a draft data request to an exchange the traced value reached. Pure: result in, text out.
import { createHash } from 'node:crypto';
import type { TraceOutcome } from './crypto.service';
import { isTxNode } from './flow-record';

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  // Neutralise spreadsheet formulas (CSV injection) and quote.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
};
const fmt = (n: number) => (Math.round(n * 1e8) / 1e8).toString();

export function traceToCsv(outcome: TraceOutcome): string {
  const lines = [
    [
      'endpoint',
      'reason',
      'stop_reason',
      'endpoint_amount',
      'share_of_seed',
      'path_amount',
      'path_nodes',
      'path_transfers',
      'tags',
    ]
      .map(csvCell)
      .join(','),
  ];
  for (const e of outcome.result.endpoints) {
    const tags = (outcome.tags[e.node] ?? []).map((t) => `${t.label} (${t.category ?? '-'}; ${t.pack})`).join('; ');
    for (const p of e.paths) {
      lines.push(
        [
          e.node,
          e.reason,
          e.stopReason ?? '',
          fmt(e.amount),
          fmt(e.share),
          fmt(p.amount),
          p.nodes.join(' > '),
          p.transfers.join(' > '),
          tags,
        ]
          .map(csvCell)
          .join(','),
      );
    }
  }
  return lines.join('\r\n') + '\r\n';
}

export function transfersToCsv(outcome: TraceOutcome): string {
  const lines = [
    ['seq', 'time', 'from', 'to', 'asset', 'amount', 'traced_amount', 'tx_hash', 'hop'].map(csvCell).join(','),
  ];
  for (const e of outcome.result.edges) {
    const t = e.transfer;
    lines.push(
      [t.id, new Date(t.time).toISOString(), t.from, t.to, t.asset, fmt(t.amount), fmt(e.traced), t.txHash, e.hop]
        .map(csvCell)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function traceToGraphMl(outcome: TraceOutcome): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
    '  <key id="hop" for="node" attr.name="hop" attr.type="int"/>',
    '  <key id="tags" for="node" attr.name="tags" attr.type="string"/>',
    '  <key id="amount" for="edge" attr.name="amount" attr.type="double"/>',
    '  <key id="traced" for="edge" attr.name="traced" attr.type="double"/>',
    '  <key id="asset" for="edge" attr.name="asset" attr.type="string"/>',
    '  <key id="time" for="edge" attr.name="time" attr.type="string"/>',
    '  <key id="tx" for="edge" attr.name="tx" attr.type="string"/>',
    '  <graph id="trace" edgedefault="directed">',
  ];
  const nodes = new Map(outcome.result.nodes.map((n) => [n.node, n.hop]));
  for (const e of outcome.result.edges)
    for (const n of [e.transfer.from, e.transfer.to]) if (!nodes.has(n)) nodes.set(n, -1);
  for (const [node, hop] of nodes) {
    const tags = (outcome.tags[node] ?? []).map((t) => `${t.label} (${t.category ?? '-'})`).join('; ');
    out.push(
      `    <node id="${xml(node)}"><data key="label">${xml(tags.split(' (')[0] || node)}</data><data key="kind">${isTxNode(node) ? 'transaction' : 'address'}</data><data key="hop">${hop}</data><data key="tags">${xml(tags)}</data></node>`,
    );
  }
  for (const e of outcome.result.edges) {
    const t = e.transfer;
    out.push(
      `    <edge id="t${xml(t.id)}" source="${xml(t.from)}" target="${xml(t.to)}"><data key="amount">${fmt(t.amount)}</data><data key="traced">${fmt(e.traced)}</data><data key="asset">${xml(t.asset)}</data><data key="time">${new Date(t.time).toISOString()}</data><data key="tx">${xml(t.txHash)}</data></edge>`,
    );
  }
  out.push('  </graph>', '</graphml>');
  return out.join('\n') + '\n';
}

const ftmId = (...parts: string[]) => createHash('sha1').update(parts.join('|')).digest('hex');

/** FollowTheMoney entities, one JSON object per line: CryptoWallet per address, Payment per traced transfer. */
export function traceToFtm(outcome: TraceOutcome, chainOf: (address: string) => string | null): string {
  const lines: string[] = [];
  const walletId = (a: string) => `trag-wallet-${ftmId(a)}`;
  const addresses = new Set<string>();
  for (const e of outcome.result.edges)
    for (const n of [e.transfer.from, e.transfer.to]) if (!isTxNode(n)) addresses.add(n);
  for (const a of [...addresses].sort()) {
    const tags = outcome.tags[a] ?? [];
    const props: Record<string, string[]> = { publicKey: [a] };
    const chain = chainOf(a);
    if (chain) props.currency = [chain.toUpperCase()];
    if (tags.length) {
      props.summary = tags.map((t) => `${t.label} (${t.category ?? '-'}; source: ${t.source ?? t.pack})`);
      const exchange = tags.find((t) => t.category === 'exchange');
      if (exchange) props.managingExchange = [exchange.actor ?? exchange.label];
    }
    lines.push(JSON.stringify({ id: walletId(a), schema: 'CryptoWallet', properties: props }));
  }
  for (const e of outcome.result.edges) {
    const t = e.transfer;
    if (isTxNode(t.from) || isTxNode(t.to)) continue; // Bitcoin legs are described by the wallets and tx hashes
    lines.push(
      JSON.stringify({
        id: `trag-payment-${ftmId(t.txHash, t.id)}`,
        schema: 'Payment',
        properties: {
          payer: [walletId(t.from)],
          beneficiary: [walletId(t.to)],
          amount: [fmt(t.amount)],
          currency: [t.asset],
          date: [new Date(t.time).toISOString().slice(0, 19)],
          transactionNumber: [t.txHash],
          purpose: [`traced ${fmt(e.traced)} ${t.asset} (${outcome.result.method}, hop ${e.hop})`],
        },
      }),
    );
  }
  return lines.join('\n') + '\n';
}

/** A draft request to an exchange for the account holder data behind the deposit addresses the value reached. */
export function draftDataRequest(
  outcome: TraceOutcome,
  exchangeNode: string,
  meta: { caseReference: string; agency: string; date: string },
): string {
  const endpoint = outcome.result.endpoints.find((e) => e.node === exchangeNode);
  const tags = outcome.tags[exchangeNode] ?? [];
  const name = tags.find((t) => t.category === 'exchange')?.actor ?? tags[0]?.label ?? 'the exchange';
  const incoming = outcome.result.edges.filter((e) => e.transfer.to === exchangeNode);
  const times = incoming.map((e) => e.transfer.time).sort((a, b) => a - b);
  const from = times.length ? new Date(times[0]!).toISOString().slice(0, 10) : '—';
  const to = times.length ? new Date(times.at(-1)!).toISOString().slice(0, 10) : '—';
  return [
    `DRAFT — request for information to ${name}`,
    '',
    `From: ${meta.agency}`,
    `Case reference: ${meta.caseReference}`,
    `Date: ${meta.date}`,
    '',
    `In an investigation of trafficking in human beings we traced funds to the following address, which public`,
    `attribution data identifies as belonging to ${name}:`,
    '',
    `  ${exchangeNode}`,
    ...tags.map(
      (t) =>
        `    (${t.label}; category ${t.category ?? '-'}; source: ${t.source ?? t.pack}; confidence: ${t.confidence ?? '-'})`,
    ),
    '',
    `Traced amount reaching it: ${endpoint ? fmt(endpoint.amount) : '0'} (${outcome.result.method.toUpperCase()} attribution, ${fmt((endpoint?.share ?? 0) * 100)}% of the traced value).`,
    '',
    'Transactions:',
    ...incoming.map(
      (e) =>
        `  ${new Date(e.transfer.time).toISOString()}  ${e.transfer.txHash}  ${fmt(e.transfer.amount)} ${e.transfer.asset}  from ${e.transfer.from}`,
    ),
    '',
    `Time range: ${from} to ${to}.`,
    '',
    'We ask you to provide, for the account(s) credited by these transactions: identity (KYC) data and documents,',
    "registered contact details, login IP addresses and devices, the account's deposit and withdrawal history with",
    'counterparties between the dates above, and any linked accounts. Please preserve these records pending a formal',
    'order. [Legal basis, requesting authority and signature to be completed by the prosecutor.]',
    '',
  ].join('\n');
}
