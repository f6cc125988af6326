// A seeded random generator: the same seed gives the same numbers, in any environment. Pure.
// One long-lived instance is reseeded per run (no generator or closure is created per sample).

/**
 * xoshiro128** (Blackman & Vigna 2018, "Scrambled linear pseudorandom number generators"):
 * 128-bit state, period 2^128 − 1, seeded through SplitMix32 as its authors recommend.
 */
export class Random {
  /** The four 32-bit words of state, in a typed array so V8 keeps them unboxed. */
  private readonly s = new Int32Array(4);

  constructor(seed = 1) {
    this.seed(seed);
  }

  seed(seed: number): void {
    // SplitMix32 expands the 32-bit seed into four words (never all zero).
    let x = seed | 0;
    for (let i = 0; i < 4; i++) {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      this.s[i] = z ^ (z >>> 16);
    }
    if ((this.s[0]! | this.s[1]! | this.s[2]! | this.s[3]!) === 0) this.s[0] = 1;
  }

  /** A uniform 32-bit unsigned integer. */
  uint32(): number {
    const s = this.s;
    const a = s[0]!;
    const b = s[1]!;
    const c = s[2]! ^ a;
    const d = s[3]! ^ b;
    // xoshiro128**: result = rotl(b × 5, 7) × 9.
    const r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    s[0] = a ^ d;
    s[1] = b ^ c;
    s[2] = c ^ (b << 9);
    s[3] = rotl(d, 11);
    return r;
  }

  /** Uniform in the open interval (0, 1): never exactly 0 or 1, safe for logarithms. */
  uniform(): number {
    return (this.uint32() + 0.5) * 2.3283064365386963e-10;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
