import test from 'ava';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatIssue } from '../../core/diagnostics';
import { buildExecutor, executorCompileCount } from './executor-build';

function tempCache(t: { teardown(f: () => void): void }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-executor-cache-'));
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// One test: the compile counter is per process and ava runs a file's tests concurrently.
test('the executor is compiled once per (source, compiler, flags) and reused from the cache', (t) => {
  const cacheDir = tempCache(t);
  const before = executorCompileCount();
  const first = buildExecutor({ cacheDir, compiler: 'cc' });
  if (!first.ok) return t.fail(first.issues.map(formatIssue).join('\n'));
  t.is(executorCompileCount(), before + 1);
  t.true(first.path.startsWith(cacheDir));
  const again = buildExecutor({ cacheDir, compiler: 'cc' });
  t.deepEqual(again, first);
  t.is(executorCompileCount(), before + 1, 'the second build reuses the cached binary');
  // `cc` is a link to gcc on Debian: the key is the compiler's real file, so both share one binary.
  const viaGcc = buildExecutor({ cacheDir, compiler: 'gcc' });
  if (fs.realpathSync('/usr/bin/cc') === fs.realpathSync('/usr/bin/gcc')) {
    t.deepEqual(viaGcc, first);
    t.is(executorCompileCount(), before + 1);
  }
  // Nothing is left beside the binary (compiled to a private name, renamed into place).
  t.deepEqual(fs.readdirSync(path.dirname(first.path)), ['executor']);
});

test('no C compiler is a clear error value, not an exception', (t) => {
  const r = buildExecutor({ cacheDir: tempCache(t), env: { PATH: '/nonexistent-uapi-bin' } });
  if (r.ok) return t.fail('built without a compiler');
  t.is(r.issues.length, 1);
  t.regex(formatIssue(r.issues[0]!), /^error NATIVE_NO_COMPILER: native executor: no C compiler: .*cc, gcc, clang on PATH/);
  const named = buildExecutor({ cacheDir: tempCache(t), env: { PATH: '/nonexistent-uapi-bin', CC: 'my-cc' } });
  t.regex(named.ok ? '' : formatIssue(named.issues[0]!), /found none of my-cc on PATH/);
});

test('an i386 executor is built with -m32, or the error says which packages the compiler needs', (t) => {
  const r = buildExecutor({ cacheDir: tempCache(t), abi: 'i386' });
  if (r.ok) {
    t.true(fs.statSync(r.path).isFile());
  } else {
    t.is(r.issues[0]?.code, 'NATIVE_COMPILE_FAILED');
    t.regex(r.issues[0]?.message ?? '', /gcc-multilib/);
  }
});
