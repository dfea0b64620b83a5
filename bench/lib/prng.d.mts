/** mulberry32: a small seeded generator, so a random test can be replayed from its seed. */
export function prng(seed: number): () => number;
