import * as fs from 'node:fs';
import * as path from 'node:path';
import test from 'ava';
import { CHANGE_RULES } from '../contract/diff/rules';
import { ruleLabel } from '../contract/lint/rule';
import { LINT_RULES } from '../contract/lint/rules';
import { loadAllCommands } from './commands';

const COMMANDS = loadAllCommands();

const readme = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'README.md'), 'utf8');

/** The README section of one command: from its `### \`uapi name` heading to the next heading. */
function section(name: string): string | undefined {
  const start = readme.indexOf(`### \`uapi ${name}`);
  if (start < 0) return undefined;
  const next = readme.indexOf('\n#', start + 4);
  return readme.slice(start, next < 0 ? undefined : next);
}

test('the README documents every command and each of its options', (t) => {
  for (const c of COMMANDS) {
    const s = section(c.name);
    t.truthy(s, `README has no section for uapi ${c.name}`);
    for (const [opt, o] of Object.entries(c.options)) {
      const spelled = s?.includes(`--${opt}`) === true || (o.short !== undefined && s?.includes(`-${o.short} `) === true);
      t.true(spelled, `README section of uapi ${c.name} does not mention --${opt}`);
    }
  }
});

test('the README documents no command that does not exist', (t) => {
  const documented = [...readme.matchAll(/^### `uapi ([a-z-]+)/gm)].map((m) => m[1]);
  t.deepEqual(documented.filter((n) => !COMMANDS.some((c) => c.name === n)), []);
});

test('the README lists every change rule and every lint rule with its level', (t) => {
  for (const r of Object.values(CHANGE_RULES)) t.true(readme.includes(`| \`${r.id}\` | ${r.level} |`), r.id);
  for (const r of LINT_RULES) t.true(readme.includes(`| \`${ruleLabel(r)}\` | ${r.severity} |`), ruleLabel(r));
});

test('the README shows the current check-uapi.sh comparison table', (t) => {
  const table = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'bench', 'catch-table.md'), 'utf8').split('\n').slice(1).join('\n').trim();
  t.true(readme.includes(table), 'copy bench/catch-table.md (without its first line) into the README');
});
