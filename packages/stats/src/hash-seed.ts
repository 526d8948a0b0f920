/**
 * Mixes a seed path ("42/bootstrap/task-3") into the four non-zero 32-bit words of a xoroshiro128+
 * state. Four FNV-1a lanes with distinct offsets, each finished with MurmurHash3's fmix32 so that
 * nearby labels ("arm-1", "arm-2") give unrelated states. Same text, same state, on every platform.
 */
export function hashSeed(text: string): [number, number, number, number] {
  const lanes = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    for (let lane = 0; lane < 4; lane++) {
      lanes[lane] = Math.imul((lanes[lane] as number) ^ (code + lane * 0x9e37), 0x01000193);
    }
  }
  const state = lanes.map((value, lane) => fmix32(value ^ Math.imul(text.length + 1, lane + 1))) as [
    number,
    number,
    number,
    number,
  ];
  if (state.every((word) => word === 0)) state[0] = 1;
  return state;
}

function fmix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
