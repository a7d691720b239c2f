/**
 * Name and versions of the model file format (docs/model-format.md), shared by the MAF/IAF
 * reader (model-file.ts) and the coupling reader (coupling-file.ts).
 *   version 1: affine MAF and IAF (every file written before spline and coupling existed)
 *   version 2: adds "kind": "coupling" and the spline transform fields
 * A writer uses the lowest version that describes its model, so an affine MAF/IAF stays a
 * version-1 file that older readers load; a reader accepts both and refuses a version-1 file
 * that uses a version-2 feature.
 */
export const MODEL_FORMAT = 'flow-lab-model';
/** The newest version this code reads and writes. */
export const MODEL_VERSION = 2;

export class ModelFormatError extends Error {
  override name = 'ModelFormatError';
}

/** The lowest version able to describe a model of this kind and transform. */
export function modelVersionFor(kind: string, transform: string | undefined): 1 | 2 {
  return kind === 'coupling' || (transform !== undefined && transform !== 'affine') ? 2 : 1;
}

/** Refuses a version this code cannot read (a newer file says so before anything else). */
export function checkSupportedVersion(version: unknown): asserts version is 1 | 2 {
  if (version !== 1 && version !== 2)
    throw new ModelFormatError(`version: unsupported version ${String(version)}, expected 1 or ${MODEL_VERSION}`);
}

/**
 * Checks a document's version against what its kind and transform need; throws a
 * ModelFormatError naming the field.
 */
export function checkModelVersion(version: unknown, kind: string, transform: unknown): void {
  checkSupportedVersion(version);
  const needed = modelVersionFor(kind, typeof transform === 'string' ? transform : undefined);
  if (version < needed)
    throw new ModelFormatError(
      `version: ${kind === 'coupling' ? 'a coupling model' : `transform "${String(transform)}"`} needs version ${needed}, the file says ${version}`,
    );
}
