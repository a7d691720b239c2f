/** Reading the CLI's input files: every problem becomes a UsageError naming the file. */
import { readFileSync } from 'node:fs';
import { parseAnyModelText, type LoadedFlowModel } from '../../src/core/flow/model-file';
import { UsageError } from './args';

export function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(
      `cannot read ${what} "${path}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
}

/** A model file of any kind (MAF, IAF or coupling; affine or spline). */
export function loadModelFile(path: string): LoadedFlowModel {
  try {
    return parseAnyModelText(readText(path, 'model file'));
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`model file "${path}": ${(e as Error).message}`);
  }
}
