// Share links: the whole scenario in the URL fragment (browsers never send the fragment to a
// server), as versioned JSON → deflate (CompressionStream) → base64url without padding.
// Decoding gives text that then goes through the one load path (parse, migrate, validate).
// Uses only web-platform globals that exist in browsers, workers and Node ≥ 18.
import { MAX_SCENARIO_BYTES } from '../scenario/constants.ts';

/**
 * Fragment prefix of a share link, with the codec's version. Never change it: every link
 * already sent carries it. A new codec gets a new prefix ("scenario=v2.") and v1 stays readable.
 */
export const SHARE_PREFIX = 'scenario=v1.';

/** Longest fragment accepted (characters); deflated scenarios are far smaller. */
export const MAX_FRAGMENT_CHARS = 1_500_000;

export type ShareError =
  | { kind: 'notShareLink' }
  | { kind: 'unknownLinkVersion'; version: string }
  | { kind: 'linkTooLong'; chars: number }
  | { kind: 'badEncoding' }
  | { kind: 'badCompression' }
  | { kind: 'tooLarge'; limitBytes: number }
  | { kind: 'notUtf8' };

export type DecodeResult = { ok: true; text: string } | { ok: false; error: ShareError };

export async function encodeScenario(scenario: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(scenario));
  const compressed = await collect(new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw')), Infinity);
  return SHARE_PREFIX + toBase64Url(compressed as Uint8Array);
}

/** The fragment of a link (with or without "#"), or a whole URL. */
export function fragmentOf(hrefOrHash: string): string {
  const i = hrefOrHash.indexOf('#');
  return i >= 0 ? hrefOrHash.slice(i + 1) : hrefOrHash;
}

export { isShareFragment } from './share-fragment.ts';

export async function decodeScenario(hrefOrHash: string): Promise<DecodeResult> {
  const fragment = fragmentOf(hrefOrHash);
  if (fragment.length > MAX_FRAGMENT_CHARS) return { ok: false, error: { kind: 'linkTooLong', chars: fragment.length } };
  const version = /^scenario=(v\d+)\./.exec(fragment);
  if (!version) return { ok: false, error: { kind: 'notShareLink' } };
  if (!fragment.startsWith(SHARE_PREFIX)) return { ok: false, error: { kind: 'unknownLinkVersion', version: version[1]! } };
  const bytes = fromBase64Url(fragment.slice(SHARE_PREFIX.length));
  if (!bytes) return { ok: false, error: { kind: 'badEncoding' } };
  let inflated: Uint8Array | 'tooLarge';
  try {
    inflated = await collect(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')), MAX_SCENARIO_BYTES);
  } catch {
    return { ok: false, error: { kind: 'badCompression' } };
  }
  if (inflated === 'tooLarge') return { ok: false, error: { kind: 'tooLarge', limitBytes: MAX_SCENARIO_BYTES } };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(inflated) };
  } catch {
    return { ok: false, error: { kind: 'notUtf8' } };
  }
}

/** Reads a byte stream, stopping (and cancelling) beyond `limit` bytes: a zip bomb cannot fill memory. */
async function collect(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | 'tooLarge'> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return 'tooLarge';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  try {
    const binary = atob(b64);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}
