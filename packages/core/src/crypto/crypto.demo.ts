// The crypto part of the SYNTHETIC demo workspace. In the Balkan-route smuggling case, the USDT address posted in
// the Telegram channel receives "crossing fees" from several payers, forwards them through an intermediate wallet and
// cashes out at an exchange deposit address. Every payer and intermediate address, hash and amount is invented; the
// exchange address is Binance's published wallet, tagged with its public source (GraphSense exchange-wallets pack).
// A saved FIFO trace is loaded too, so the crypto tab shows a result on first opening.
import { createHash } from 'node:crypto';
import type { Actor, CoreContext, Role } from '../shared';
import { toChecksumAddress } from './address';
import { CryptoService } from './crypto.service';
import type { FlowRecord } from './flow-record';

interface DemoAccountLike {
  role: string;
  username: string;
  displayName: string;
  userId: string;
  agencyId: string;
}

const CHANNEL_WALLET = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'; // the address in the cases demo (EIP-55 example)
const BINANCE = '0xF977814e90dA44bFA03b6295A0616a897441aceC';
const USDT = '0xdAC17F958D2ee523a2206206994597C13D831ec7';
const fake = (seed: string) =>
  toChecksumAddress(createHash('sha256').update(`trag-demo:${seed}`).digest('hex').slice(0, 40));
const hash = (seed: string) => `0x${createHash('sha256').update(`trag-demo-tx:${seed}`).digest('hex')}`;

export async function loadCryptoDemo(
  ctx: CoreContext,
  demo: { identity: { accounts: DemoAccountLike[] }; cases?: { cases: { key: string; id: string }[] } },
): Promise<{ caseId: string; traceId: string } | null> {
  const account = demo.identity.accounts.find((a) => a.role === 'analyst');
  const caseId = demo.cases?.cases.find((c) => c.key === 'smuggling')?.id;
  if (!account || !caseId) return null;
  const actor: Actor = {
    userId: account.userId,
    username: account.username,
    displayName: account.displayName,
    agencyId: account.agencyId,
    unitId: null,
    role: account.role as Role,
    ip: null,
    via: 'system',
  };
  const service = new CryptoService(ctx);
  const consolidation = fake('consolidation');
  const records: FlowRecord[] = [];
  let line = 0;
  const add = (tx: string, from: string, to: string, amount: string, time: string) => {
    line++;
    records.push({
      chain: 'eth',
      asset: 'USDT',
      tokenContract: USDT,
      txHash: hash(tx),
      key: `erc20:${USDT.toLowerCase()}:${from.toLowerCase()}:${to.toLowerCase()}:${amount}`,
      from,
      to,
      amount,
      time,
      blockNumber: 20_900_000 + line * 37,
      source: { file: 'DEMO synthetic Etherscan export', line },
    });
  };
  // Eight "crossing fees" of 1,800–2,000 USDT over three weeks (synthetic payers).
  const fees = ['1800', '1800', '2000', '1800', '1900', '1800', '2000', '1800'];
  fees.forEach((fee, i) =>
    add(
      `fee-${i}`,
      fake(`payer-${i}`),
      CHANNEL_WALLET,
      fee,
      new Date(Date.UTC(2026, 8, 10 + i * 2, 18, 5 * i)).toISOString(),
    ),
  );
  // The organiser sweeps the channel wallet, pays a driver, and cashes out at the exchange in two deposits.
  add('sweep-1', CHANNEL_WALLET, consolidation, '7400', '2026-09-19T21:40:00.000Z');
  add('driver', CHANNEL_WALLET, fake('driver'), '600', '2026-09-20T08:15:00.000Z');
  add('sweep-2', CHANNEL_WALLET, consolidation, '6900', '2026-09-27T22:10:00.000Z');
  add('cashout-1', consolidation, BINANCE, '7000', '2026-09-21T10:02:00.000Z');
  add('cashout-2', consolidation, BINANCE, '7100', '2026-09-29T09:48:00.000Z');
  await service.importRecords(actor, caseId, 'demo', 'DEMO synthetic Etherscan export (USDT)', records);
  const tags =
    'address,label,category,source\n' +
    `${BINANCE},Binance (reserve wallet),exchange,https://www.binance.com/en/blog/community/our-commitment-to-transparency-2895840147147652626\n` +
    `${CHANNEL_WALLET},"DEMO wallet posted in the Telegram channel",suspect,DEMO case file\n`;
  await service.importFile(actor, caseId, { kind: 'tag_csv', fileName: 'DEMO tags.csv', data: Buffer.from(tags) });
  await service.addWallet(actor, caseId, {
    address: CHANNEL_WALLET,
    label: 'DEMO payment address posted in the channel',
    origin: 'evidence',
  });
  const saved = await service.saveTrace(actor, caseId, 'DEMO channel wallet → exchange (FIFO)', {
    seed: { address: CHANNEL_WALLET },
    direction: 'forward',
    method: 'fifo',
    maxHops: 5,
    maxNodes: 200,
    asset: 'USDT',
  });
  return { caseId, traceId: saved.id };
}
