// --shard i/n: an area belongs to shard (FNV-1a 32-bit hash of its name mod n) + 1, so the
// split depends on nothing but the name: the same on every machine and every run.
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function shardOf(area: string, total: number): number {
  return (fnv1a(area) % total) + 1;
}

export interface Shard {
  index: number;
  total: number;
}

/** "2/4" → {index: 2, total: 4}; null when the text is not i/n with 1 ≤ i ≤ n. */
export function parseShard(text: string): Shard | null {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match) return null;
  const index = Number(match[1]);
  const total = Number(match[2]);
  return total >= 1 && index >= 1 && index <= total ? { index, total } : null;
}
