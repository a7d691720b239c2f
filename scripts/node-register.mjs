// Preloaded by the Node command-line tools (see package.json "cli" and "bench:engine").
import { register } from 'node:module';

register('./tfjs-esm-hook.mjs', import.meta.url);
