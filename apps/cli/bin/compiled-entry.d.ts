// Types of compiled-entry.js (plain JavaScript so that bin/trag.js can load it before any TypeScript loader).
export declare const REPO_ROOT: string;
export declare const COMPILED_ENTRY: string;
export declare const SERVER_NODE_FLAGS: string[];
export declare const SOURCE_DIRS: string[];
export declare function newestMtime(dir: string): number;
export declare function newestSourceMtime(): number;
export declare function compiledEntryIfFresh(): string | undefined;
