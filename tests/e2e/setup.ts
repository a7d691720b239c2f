/** Setup file of every browser-test file (vitest.e2e.config.ts): the harness's hooks for that file. */
import { installHarnessHooks } from './harness';

installHarnessHooks();
