import type { Rng } from './types';

/** splitmix32: scrambles a 32-bit seed into well-mixed state words. */
function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * A seeded generator: sfc32 for uniforms (period ≈ 2^128), Box–Muller for normals.
 * The same seed gives the same stream on every platform, so a shared URL reproduces data.
 */
export function createRng(seed: number): Rng {
  const mix = splitmix32(Math.floor(seed) | 0);
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  let spare: number | null = null;

  const nextU32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  // Warm up so nearby seeds decorrelate.
  for (let i = 0; i < 12; i++) nextU32();

  const uniform = (): number => nextU32() / 4294967296;

  const rng: Rng = {
    uniform,
    normal() {
      if (spare !== null) {
        const v = spare;
        spare = null;
        return v;
      }
      // Box–Muller: u1 in (0, 1] so log(u1) is finite.
      const u1 = 1 - uniform();
      const u2 = uniform();
      const r = Math.sqrt(-2 * Math.log(u1));
      spare = r * Math.sin(2 * Math.PI * u2);
      return r * Math.cos(2 * Math.PI * u2);
    },
    int(n: number) {
      return Math.floor(uniform() * n);
    },
    fork() {
      return createRng(nextU32());
    },
  };
  return rng;
}
