import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash } from '../../src/ui/report/hash.ts';

describe('the report’s content hash', () => {
  it('does not depend on the order of keys', async () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
    expect(await contentHash({ a: 1, b: 2 })).toBe(await contentHash({ b: 2, a: 1 }));
  });
  it('is the SHA-256 of the canonical JSON, and changes with any value', async () => {
    // sha256('{"a":1}')
    expect(await contentHash({ a: 1 })).toBe('015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862');
    expect(await contentHash({ a: 2 })).not.toBe(await contentHash({ a: 1 }));
  });
});
