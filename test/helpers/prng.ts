// The seeded generator the benchmark's histories use too, so a random test can be replayed from its seed.
export { prng } from '../../bench/lib/prng.mjs';
