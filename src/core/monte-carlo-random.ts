/**
 * The random numbers of the uncertainty analysis (issue 6 item 3): reproducible from a seed, so a
 * shared link gives the same distribution, and addressable by sample, so any chunking of a run
 * gives the same samples.
 *
 * - Generator: sfc32, the "Small Fast Chaotic" generator of Chris Doty-Humphrey's PractRand
 *   (public domain; https://pracrand.sourceforge.net/, "sfc32": a 128-bit state of three words and
 *   a counter, shifts 9 and 3, rotation 21), small, fast in 32-bit JavaScript arithmetic and
 *   well studied as a non-cryptographic generator (this is not for secrets).
 * - Each sample has its own generator, seeded from (seed, sample index) through the 32-bit
 *   finalizer of Austin Appleby's MurmurHash3 (`fmix32`, public domain) and then run 12 steps
 *   before use, so sample i depends only on (seed, i) and neighbouring indexes start far apart.
 * - A uniform number in [0, 1) takes two outputs: 53 random bits, the precision of a float.
 *
 * Floats are fine here: a sampled value becomes an exact decimal (rounded to 12 significant
 * digits) before it enters the cost model (monte-carlo.ts). Changing anything in this file
 * changes every shared link's distribution: the first outputs are frozen in a test.
 *
 * @example
 * const rng = sampleRandom(42, 0);
 * const u = rng.uniform(); // 0 <= u < 1, the same for (42, 0) on every machine
 */

/** MurmurHash3's 32-bit finalizer: every input bit affects every output bit. */
export function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export type Random = {
  /** The next 32-bit output, 0 .. 2^32-1. */
  nextUint32(): number;
  /** A uniform number in [0, 1) with 53 random bits. */
  uniform(): number;
};

/** sfc32 from four 32-bit words (the last is the counter). */
export function sfc32(a0: number, b0: number, c0: number, counter0: number): Random {
  let a = a0 >>> 0;
  let b = b0 >>> 0;
  let c = c0 >>> 0;
  let counter = counter0 >>> 0;
  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + counter) | 0;
    counter = (counter + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  return {
    nextUint32,
    uniform() {
      const high = nextUint32();
      const low = nextUint32() >>> 11;
      return (high * TWO_POW_21 + low) / TWO_POW_53;
    },
  };
}
const TWO_POW_21 = 2 ** 21;
const TWO_POW_53 = 2 ** 53;

/** Steps run before a sample's generator is used (the usual warm-up of sfc32 from a raw seed). */
const WARM_UP = 12;
const GOLDEN = 0x9e3779b9;

/** The largest seed: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 0xffffffff;

/**
 * The generator of sample `index` of the run seeded `seed` (both whole numbers, the seed in
 * 0..2^32-1, the index in 0..2^32-1).
 */
export function sampleRandom(seed: number, index: number): Random {
  const s = seed >>> 0;
  const i = index >>> 0;
  const a = fmix32(s ^ fmix32((i + GOLDEN) >>> 0));
  const b = fmix32(i ^ fmix32((s + 0x6a09e667) >>> 0));
  const c = fmix32(a ^ b ^ 0xbb67ae85);
  const rng = sfc32(a, b, c, 1);
  for (let k = 0; k < WARM_UP; k++) rng.nextUint32();
  return rng;
}

/**
 * The inverse of the cumulative distribution of the triangular distribution on [low, high] with
 * its mode at `likely` (low <= likely <= high): the value below which a share `u` of samples lie.
 * A zero-width range gives `low`.
 *
 * @example triangularInverse(0, 1, 2, 0.5) // 1
 */
export function triangularInverse(low: number, likely: number, high: number, u: number): number {
  const width = high - low;
  if (!(width > 0)) return low;
  const split = (likely - low) / width;
  const x =
    u < split
      ? low + Math.sqrt(u * width * (likely - low))
      : high - Math.sqrt((1 - u) * width * (high - likely));
  return Math.min(high, Math.max(low, x));
}
