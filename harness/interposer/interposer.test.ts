import test from 'ava';
import * as path from 'node:path';
import { findAbi, type Abi } from '../core/layout/abi';
import { createDevice } from '../../emulator/device/create-device';
import { spec } from '../../specs/habanalabs/spec';
import { buildC, findCCompiler, type CCompiler } from '../frontend/cbuild';
import { dynamicElfProblem } from './elf-check';
import { interposerLibrary } from './interposer-library';
import { runInterposed } from './run-interposed';

const x86_64 = findAbi('x86_64') as Abi;

test('without a C compiler the build is a clear error naming what to install', (t) => {
  const r = findCCompiler({ PATH: path.join(__dirname, 'no-such-folder') });
  t.is(r.compiler, undefined);
  t.deepEqual(r.issues.map((i) => [i.code, i.message]), [['CC_MISSING', 'no C compiler: found none of cc, gcc, clang on PATH (install one: apt-get install gcc; or name it with CC)']]);
});

// One small program built twice (static and dynamic, cached by content hash) and run once.
const PROGRAM = [
  '#include <fcntl.h>', '#include <errno.h>', '#include <stdio.h>', '#include <sys/ioctl.h>', '#include <unistd.h>',
  'int main(void) {',
  '  int fd = open("/dev/accel/accel0", O_RDWR);',
  '  int rc = ioctl(fd, 0xc0186440, (void *)16);', // DRM_IOCTL_HL_INFO, its argument at an unmapped address
  '  printf("fd>=0=%d ioctl=%d errno=%d\\n", fd >= 0, rc, errno);',
  '  printf("passthrough=%d\\n", ioctl(1, 0x5401, (void *)0) == -1);', // TCGETS on a file: the real ioctl answers
  '  printf("close=%d\\n", close(fd));',
  '  return 3;',
  '}',
].join('\n');

function build(compiler: CCompiler, flags: string[], output: string): string {
  const r = buildC(compiler, { sources: { 'p.c': PROGRAM }, compile: ['p.c'], flags, output });
  if (r.file === undefined) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return r.file;
}

test('a dynamically linked program reaches the emulated device through the interposer; a static one is refused', (t) => {
  const { compiler } = findCCompiler();
  if (compiler === undefined) return t.fail('this test needs a C compiler (cc, gcc or clang)');
  const library = interposerLibrary(x86_64).file as string;
  const { device } = createDevice({ spec });
  const dynamic = build(compiler, ['-O1'], 'probe');
  t.is(dynamicElfProblem(dynamic), undefined);
  const r = runInterposed({ program: dynamic, device: device!, abi: x86_64, library });
  t.deepEqual(r.issues, []);
  t.is(r.run?.stdout, 'fd>=0=1 ioctl=-1 errno=14\npassthrough=1\nclose=0\n');
  t.is(r.run?.exitStatus, 3);
  t.deepEqual(r.run?.calls.map((c) => [c.op, c.result]), [['open', 0], ['ioctl', -14], ['close', 0]]);

  const fixed = build(compiler, ['-O1', '-static'], 'probe-static');
  const s = runInterposed({ program: fixed, device: device!, abi: x86_64, library });
  t.is(s.run, undefined);
  t.deepEqual(s.issues.map((i) => i.code), ['INTERPOSER_NOT_DYNAMIC']);
  t.regex(s.issues[0]?.message ?? '', /statically linked/);
});
