// Multi-input (common-input-ownership) clustering of Bitcoin addresses with an incremental union-find.
//
// Heuristic (Nakamoto 2008 §10; Meiklejohn et al. 2013): all inputs of one transaction are usually signed by one
// wallet, so their addresses belong to one entity. It fails for CoinJoins (inputs from many people), which are
// recognised and skipped (coinjoin.ts), and for custodial services and payjoins, which the report must mention.
//
// Every union that actually joins two clusters is stored with the transaction that caused it. These unions form a
// spanning forest, so for any two addresses of one cluster there is exactly one chain of transactions that links them:
// `explain(a, b)` returns it, answering "why are these two addresses one entity?".
import { detectCoinJoin, type CoinJoinInput, type CoinJoinOutput, type CoinJoinVerdict } from './coinjoin';

export interface ClusterTxInput {
  address: string | null;
  value: number;
}
export interface ClusterTxOutput {
  address: string | null;
  value: number;
  /** Script type (p2pkh, p2wpkh …) for the script-type change heuristic; optional. */
  scriptType?: string;
}
export interface ClusterTx {
  txid: string;
  inputs: ClusterTxInput[];
  outputs: ClusterTxOutput[];
  /** Input script types, when known (for the script-type change heuristic). */
  inputScriptTypes?: string[];
}

export interface MergeLink {
  /** The two addresses whose clusters were joined by this transaction (both are inputs of it). */
  a: string;
  b: string;
  txid: string;
}

export interface HugeClusterFlag {
  txid: string;
  sizeBefore: number;
  sizeAfter: number;
  reason: string;
}

export interface ClusterOptions {
  /** Skip CoinJoin-like transactions (default true). */
  excludeCoinJoins?: boolean;
  /** Flag a transaction that makes a cluster reach at least this many addresses while growing by half or more. */
  hugeClusterSize?: number;
}

export interface AddTxResult {
  txid: string;
  /** Number of cluster joins caused by this transaction. */
  merges: number;
  skipped: null | { reason: 'coinjoin'; verdict: CoinJoinVerdict } | { reason: 'single_input' };
  huge?: HugeClusterFlag;
}

export class AddressClusterer {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  private parent = new Int32Array(1024);
  private size = new Int32Array(1024);
  /** Per address id: indexes into `links` of the unions that touch it (the spanning forest's adjacency). */
  private readonly adjacency: number[][] = [];
  readonly links: MergeLink[] = [];
  readonly hugeFlags: HugeClusterFlag[] = [];
  readonly coinjoins: { txid: string; verdict: CoinJoinVerdict }[] = [];
  private readonly excludeCoinJoins: boolean;
  private readonly hugeClusterSize: number;

  constructor(options: ClusterOptions = {}) {
    this.excludeCoinJoins = options.excludeCoinJoins ?? true;
    this.hugeClusterSize = options.hugeClusterSize ?? 10_000;
  }

  get addressCount(): number {
    return this.names.length;
  }

  /** Registers an address (idempotent) and returns its numeric id. */
  idOf(address: string): number {
    let id = this.ids.get(address);
    if (id !== undefined) return id;
    id = this.names.length;
    this.ids.set(address, id);
    this.names.push(address);
    this.adjacency.push([]);
    if (id >= this.parent.length) {
      const parent = new Int32Array(this.parent.length * 2);
      parent.set(this.parent);
      this.parent = parent;
      const size = new Int32Array(this.size.length * 2);
      size.set(this.size);
      this.size = size;
    }
    this.parent[id] = id;
    this.size[id] = 1;
    return id;
  }

  private find(x: number): number {
    let root = x;
    while (this.parent[root] !== root) root = this.parent[root]!;
    while (this.parent[x] !== root) {
      const next = this.parent[x]!;
      this.parent[x] = root;
      x = next;
    }
    return root;
  }

  /** Adds one transaction. Inputs with unknown addresses are ignored; the outputs are only used for CoinJoin checks. */
  addTransaction(tx: ClusterTx): AddTxResult {
    const addresses = [...new Set(tx.inputs.map((i) => i.address).filter((a): a is string => a !== null))];
    for (const a of addresses) this.idOf(a);
    if (addresses.length < 2) return { txid: tx.txid, merges: 0, skipped: { reason: 'single_input' } };
    if (this.excludeCoinJoins) {
      const verdict = detectCoinJoin(tx.inputs as CoinJoinInput[], tx.outputs as CoinJoinOutput[]);
      if (verdict.coinjoin) {
        this.coinjoins.push({ txid: tx.txid, verdict });
        return { txid: tx.txid, merges: 0, skipped: { reason: 'coinjoin', verdict } };
      }
    }
    const first = addresses[0]!;
    const firstId = this.ids.get(first)!;
    let merges = 0;
    let largestBefore = 0;
    for (const a of addresses) largestBefore = Math.max(largestBefore, this.size[this.find(this.ids.get(a)!)]!);
    for (let k = 1; k < addresses.length; k++) {
      const other = addresses[k]!;
      const otherId = this.ids.get(other)!;
      let ra = this.find(firstId);
      let rb = this.find(otherId);
      if (ra === rb) continue;
      if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra];
      this.parent[rb] = ra;
      this.size[ra] = this.size[ra]! + this.size[rb]!;
      const link = this.links.push({ a: first, b: other, txid: tx.txid }) - 1;
      this.adjacency[firstId]!.push(link);
      this.adjacency[otherId]!.push(link);
      merges++;
    }
    const result: AddTxResult = { txid: tx.txid, merges, skipped: null };
    const after = this.size[this.find(firstId)]!;
    if (merges > 0 && after >= this.hugeClusterSize && after >= largestBefore * 1.5) {
      const huge: HugeClusterFlag = {
        txid: tx.txid,
        sizeBefore: largestBefore,
        sizeAfter: after,
        reason:
          `This transaction grew a cluster from ${largestBefore} to ${after} addresses. Sudden growth usually means ` +
          `an exchange, a payment processor or an undetected CoinJoin, not one person: check before relying on it.`,
      };
      this.hugeFlags.push(huge);
      result.huge = huge;
    }
    return result;
  }

  /** Cluster representative (stable only until the next addTransaction). Null for unknown addresses. */
  clusterOf(address: string): number | null {
    const id = this.ids.get(address);
    return id === undefined ? null : this.find(id);
  }

  sameCluster(a: string, b: string): boolean {
    const ra = this.clusterOf(a);
    return ra !== null && ra === this.clusterOf(b);
  }

  /** All clusters as sorted address lists, largest first (ties by first address). */
  clusters(): string[][] {
    const groups = new Map<number, string[]>();
    for (let id = 0; id < this.names.length; id++) {
      const root = this.find(id);
      let g = groups.get(root);
      if (!g) groups.set(root, (g = []));
      g.push(this.names[id]!);
    }
    return [...groups.values()].map((g) => g.sort()).sort((x, y) => y.length - x.length || (x[0]! < y[0]! ? -1 : 1));
  }

  /**
   * The chain of transactions linking two addresses of one cluster (each step: two addresses spent together in one
   * transaction), or null when they are not in one cluster. Empty for the same address.
   */
  explain(from: string, to: string): MergeLink[] | null {
    const start = this.ids.get(from);
    const goal = this.ids.get(to);
    if (start === undefined || goal === undefined || this.find(start) !== this.find(goal)) return null;
    if (start === goal) return [];
    const via = new Map<number, number>([[start, -1]]);
    const queue = [start];
    while (queue.length) {
      const node = queue.shift()!;
      if (node === goal) break;
      for (const l of this.adjacency[node]!) {
        const link = this.links[l]!;
        const next = this.ids.get(link.a) === node ? this.ids.get(link.b)! : this.ids.get(link.a)!;
        if (!via.has(next)) {
          via.set(next, l);
          queue.push(next);
        }
      }
    }
    const path: MergeLink[] = [];
    let node = goal;
    while (node !== start) {
      const link = this.links[via.get(node)!]!;
      path.push(link);
      node = this.ids.get(link.a) === node ? this.ids.get(link.b)! : this.ids.get(link.a)!;
    }
    return path.reverse();
  }
}
