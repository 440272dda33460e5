import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'ava';
import { formatIssue } from '../../core/diagnostics/format';
import { loadUapi } from '../../contract/load/load-uapi';
import { CANONICAL_FORMAT } from '../../core/model/canonical';
import { runCliCaptured } from '../run-cli-captured';

// Inputs too big to commit, generated: they must work (or fail at a located line), never as an
// internal error of the loader.

test('a valid 10 MB header imports and lays out', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-big-header-'));
  try {
    const lines = ['#ifndef BIG_H', '#define BIG_H', '#include <linux/types.h>'];
    let size = 0;
    for (let i = 0; size < 10 * 1024 * 1024; i++) {
      const l = i % 100 === 99 ? `#define BIG_CONSTANT_${i} ${i}` : `/* line ${i} of a generated register description: only the declarations count, the text is long */`;
      lines.push(l);
      size += l.length + 1;
    }
    lines.push('struct big_args { __u32 a; __u32 b; };', '#endif');
    fs.writeFileSync(path.join(dir, 'big.h'), lines.join('\n') + '\n');
    t.true(fs.statSync(path.join(dir, 'big.h')).size > 10 * 1024 * 1024);
    const r = await runCliCaptured(['layout', 'big.h', '--abi', 'x86_64'], { cwd: dir });
    t.is(r.code, 0, r.err);
    t.regex(r.out, /struct big_args \{/);
    t.regex(r.out, /#define BIG_CONSTANT_99 99/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a spec.json of 100,000 types loads; an error in its last type is reported at that line', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-big-spec-'));
  try {
    const N = 100_000;
    const member = (name: string, type: string): string => `{ "name": "${name}", "type": { "kind": "scalar", "name": "${type}" } }`;
    const records = Array.from({ length: N }, (_, i) => `    { "kind": "struct", "name": "s${i}", "members": [${member('a', '__u32')}, ${member('b', i === N - 1 ? '__u33' : '__u32')}] }`);
    const text = `{\n  "format": "${CANONICAL_FORMAT}",\n  "name": "big",\n  "version": "1.0.0",\n  "records": [\n${records.join(',\n')}\n  ],\n  "enums": [], "constants": [], "groups": [], "ioctls": []\n}\n`;
    fs.writeFileSync(path.join(dir, 'spec.json'), text);
    const bad = await loadUapi('spec.json', { cwd: dir });
    const col = (records[N - 1] as string).indexOf('{ "name": "b"') + 1;
    t.deepEqual(bad.issues.map(formatIssue), [`spec.json:${N + 5}:${col}: error SPEC_UNKNOWN_SCALAR: struct s${N - 1}.b: unknown scalar type __u33`]);
    fs.writeFileSync(path.join(dir, 'spec.json'), text.replace('__u33', '__u32'));
    const good = await loadUapi('spec.json', { cwd: dir });
    t.deepEqual(good.issues, []);
    t.is(good.uapi?.spec.records.length, N);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
