import type { TragDatabase } from '@trag/db';
import type { Clock } from './clock';

/** What every service needs from the outside world; built once by the API or CLI and passed down. */
export interface CoreContext {
  database: TragDatabase;
  clock: Clock;
  /** Folder for blobs, keys and exports (TRAG_DATA_DIR). */
  dataDir: string;
}
