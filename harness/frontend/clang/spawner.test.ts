import test from 'ava';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runProgram, runProgramForBytes } from './run-program';
import { enableSpawnHelper, runFolder, runToFile, stopSpawnHelper, throughHelper } from './spawner';

// A program that echoes its standard input to standard output, writes to standard error and exits 3:
// every part of a run that the helper passes back.
const ECHO = ['-e', "let s='';process.stdin.on('data',(d)=>{s+=d});process.stdin.on('end',()=>{process.stdout.write('out:'+s);process.stderr.write('err:'+s.length);process.exit(3)})"];

test.serial('a run through the spawn helper gives what a direct run gives: exit code, output, errors', async (t) => {
  const input = 'x'.repeat(100_000);
  t.false(throughHelper(), 'not enabled: direct');
  const direct = await runProgramForBytes(process.execPath, ECHO, input);
  t.is(direct.exitCode, 3);
  t.is(direct.stdout.toString('utf8'), `out:${input}`);
  t.is(direct.stderr, `err:${input.length}`);
  enableSpawnHelper(0);
  t.true(throughHelper());
  const helped = await runProgramForBytes(process.execPath, ECHO, input);
  t.deepEqual(helped, direct);
  const text = await runProgram(process.execPath, ECHO, 'abc');
  t.deepEqual(text, { exitCode: 3, stdout: 'out:abc', stderr: 'err:3' });
  // Standard output straight to a file, no standard input (a batch's dump).
  const dir = runFolder();
  try {
    const out = path.join(dir, 'dump');
    const r = await runToFile(process.execPath, ['-e', "process.stdout.write('dump')"], undefined, out);
    t.is(r.exitCode, 0);
    t.is(fs.readFileSync(out, 'utf8'), 'dump');
    t.deepEqual(fs.readdirSync(dir), ['dump'], 'nothing else is left in the folder');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const missing = await runProgram(path.join(dir, 'no-such-program'), [], '');
  t.is(missing.exitCode, 127);
  t.regex(missing.stderr, /cannot run/);
  await stopSpawnHelper();
});
