/**
 * Reading a model file's JSON (model-file.ts: MAF/IAF; coupling-file.ts: coupling): typed
 * checks that throw a ModelFormatError naming the path of the first problem.
 */
import type { DenseWeights } from './config';
import { decodeFloat32Base64 } from './base64';
import { ModelFormatError } from './model-version';
import { describeValue, float32Problem } from '../validation';
import { plural } from '../plural';

export type Json = unknown;

export function fail(path: string, problem: string): never {
  throw new ModelFormatError(`${path}: ${problem}`);
}

export function isRecord(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A weight array of `length` float32 values. Each element must be a number finite in
 * float32: JSON `1e999` (Infinity), `"NaN"` or `3.5e38` is refused naming the element.
 */
function floats(v: Json, length: number, path: string): Float32Array {
  let out: Float32Array;
  if (Array.isArray(v)) {
    if (v.length !== length) fail(path, `expected ${plural(length, 'number')}, got ${v.length}`);
    v.forEach((x, k) => {
      const problem = float32Problem(x);
      if (problem) fail(`${path}[${k}]`, problem);
    });
    out = Float32Array.from(v as number[]);
  } else if (isRecord(v) && typeof v.f32 === 'string') {
    try {
      out = decodeFloat32Base64(v.f32);
    } catch (e) {
      fail(path, (e as Error).message);
    }
    if (out.length !== length) fail(path, `expected ${plural(length, 'number')}, got ${out.length}`);
    for (let k = 0; k < out.length; k++) if (!Number.isFinite(out[k])) fail(`${path}[${k}]`, `${out[k]} is not finite`);
  } else fail(path, `expected an array of numbers or { "f32": base64 }, got ${describeValue(v)}`);
  return out;
}

export function dense(v: Json, inDim: number, outDim: number, path: string): DenseWeights {
  if (!isRecord(v)) fail(path, 'expected an object with w and b');
  return { inDim, outDim, w: floats(v.w, inDim * outDim, `${path}.w`), b: floats(v.b, outDim, `${path}.b`) };
}
