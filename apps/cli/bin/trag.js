#!/usr/bin/env node
// The `trag` command: runs the TypeScript sources through tsx, so no separate build step is needed.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
