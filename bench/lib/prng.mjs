// mulberry32: a small seeded generator, so a history or a random test can be made again from its seed.
// Shared by the benchmark's history generator and the tests (test/helpers/prng.ts).

/** @param {number} seed @returns {() => number} a number in [0, 1) per call */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
