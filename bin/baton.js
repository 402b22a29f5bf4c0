#!/usr/bin/env node
// Runs the TypeScript CLI directly (no build step): tsx compiles src/cli.ts on load.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
