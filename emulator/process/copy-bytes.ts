/**
 * Copies `n` bytes between byte arrays. Small copies (ioctl argument structs) are a plain loop,
 * which is faster than creating the subarray view `set` needs.
 */
export function copyBytes(dst: Uint8Array, dstOffset: number, src: Uint8Array, srcOffset: number, n: number): void {
  if (n <= 64) {
    for (let i = 0; i < n; i++) dst[dstOffset + i] = src[srcOffset + i] as number;
    return;
  }
  dst.set(src.subarray(srcOffset, srcOffset + n), dstOffset);
}
