/**
 * A seeded pseudo-random source (mulberry32 on a hashed seed): the same seed gives the same numbers on every
 * machine, so the synthetic world is the same world each time it is made.
 */
export class Prng {
  private state: number;

  constructor(seed: string) {
    // The seed text hashed to 32 bits (FNV-1a), then mixed once more so near seeds start far apart.
    let hash = 0x811c9dc5;
    for (let i = 0; i < seed.length; i += 1) {
      hash ^= seed.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    this.state = hash >>> 0;
    this.next();
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with the given chance. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** A normally distributed number (Box-Muller). */
  normal(mean: number, deviation: number): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + deviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A version 4 UUID made of this source's numbers. */
  uuid(): string {
    const hex = Array.from({ length: 4 }, () =>
      Math.floor(this.next() * 4294967296)
        .toString(16)
        .padStart(8, '0'),
    ).join('');
    const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
    return (
      `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-` +
      `${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
    );
  }
}

/**
 * `n` whole numbers from `draw`, each kept within [min, max], moved one at a time until they add up to `total`
 * exactly: sizes spread as the draw says, with totals the world asks for.
 */
export function apportion(
  rng: Prng,
  n: number,
  total: number,
  min: number,
  max: number,
  draw: () => number,
): number[] {
  if (n === 0) return [];
  if (total < n * min || total > n * max) {
    throw new RangeError(`cannot share ${total} among ${n} between ${min} and ${max}`);
  }
  const sizes = Array.from({ length: n }, () => Math.min(max, Math.max(min, Math.round(draw()))));
  let sum = sizes.reduce((a, b) => a + b, 0);
  while (sum !== total) {
    const i = Math.floor(rng.next() * n);
    if (sum < total && sizes[i] < max) {
      sizes[i] += 1;
      sum += 1;
    } else if (sum > total && sizes[i] > min) {
      sizes[i] -= 1;
      sum -= 1;
    }
  }
  return sizes;
}
