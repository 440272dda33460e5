import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import test from 'ava';
import { COMMAND_TABLE, loadAllCommands } from '.';

test('each entry of the command table loads the command it is named after', (t) => {
  const loaded = loadAllCommands();
  t.deepEqual(loaded.map((c) => c.name), COMMAND_TABLE.map((e) => e.name));
  t.is(new Set(COMMAND_TABLE.map((e) => e.name)).size, COMMAND_TABLE.length);
});

test('running one command loads neither the other commands nor what only they need', (t) => {
  // A fresh process: the modules this test file loaded must not count.
  const runCli = path.resolve(__dirname, '..', 'run-cli.js');
  const script = `
    const { runCli } = require(${JSON.stringify(runCli)});
    const io = { out: () => {}, err: () => {}, isTty: false, env: process.env, cwd: process.cwd() };
    runCli(['diff', '--help'], io).then((code) => {
      const loaded = Object.keys(require.cache).map((f) => f.split(require('node:path').sep).join('/'));
      process.stdout.write(JSON.stringify({ code, loaded }));
    });`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  t.is(r.status, 0, r.stderr);
  const { code, loaded } = JSON.parse(r.stdout) as { code: number; loaded: string[] };
  t.is(code, 0);
  t.true(loaded.some((f) => f.endsWith('/cli/commands/diff.js')));
  for (const unwanted of ['/cli/commands/fuzz.js', '/cli/commands/check.js', '/node_modules/fast-check/', '/emulator/']) {
    t.false(loaded.some((f) => f.includes(unwanted)), `${unwanted} was loaded`);
  }
});
