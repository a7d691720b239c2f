/**
 * Lists the exports of src/ that nothing imports, and those only tests import
 * (`npx tsx scripts/unused-exports.ts`; tests/unit/lint/unused-exports.test.ts fails on the
 * first list). Exits 1 when the first list is not empty.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unusedExports } from '../tests/support/unused-exports';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { unused, testsOnly } = unusedExports(root);
console.log(`Exported values nothing imports: ${unused.length}`);
for (const { file, name } of unused) console.log(`  ${file}: ${name}`);
console.log(`Exported values only tests import: ${testsOnly.length}`);
for (const { file, name } of testsOnly) console.log(`  ${file}: ${name}`);
process.exitCode = unused.length > 0 ? 1 : 0;
