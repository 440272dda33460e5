import * as fs from 'node:fs';

/**
 * Whether a file is an ELF program the dynamic linker starts (it has a PT_INTERP program header), so
 * that `LD_PRELOAD` reaches it; otherwise why not. A statically linked program would bypass the
 * interposer and reach the real device nodes, so it is refused before it runs.
 */
export function dynamicElfProblem(file: string): string | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return `cannot read it: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
  }
  if (bytes.length < 52 || bytes.readUInt32BE(0) !== 0x7f454c46) return 'it is not an ELF file';
  const is64 = bytes[4] === 2;
  const le = bytes[5] === 1;
  const u16 = (o: number): number => (le ? bytes.readUInt16LE(o) : bytes.readUInt16BE(o));
  const u32 = (o: number): number => (le ? bytes.readUInt32LE(o) : bytes.readUInt32BE(o));
  const phoff = is64 ? Number(le ? bytes.readBigUInt64LE(32) : bytes.readBigUInt64BE(32)) : u32(28);
  const phentsize = u16(is64 ? 54 : 42);
  const phnum = u16(is64 ? 56 : 44);
  const PT_INTERP = 3;
  for (let i = 0; i < phnum; i++) {
    const at = phoff + i * phentsize;
    if (at + 4 > bytes.length) break;
    if (u32(at) === PT_INTERP) return undefined;
  }
  return 'it is statically linked (no PT_INTERP program header), so LD_PRELOAD cannot reach its system calls';
}
