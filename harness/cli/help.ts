import type { Command, OptionSpec } from './command';

function optionLine(name: string, o: OptionSpec): string {
  const short = o.short !== undefined ? `-${o.short}, ` : '    ';
  const value = o.type === 'string' ? ` ${o.valueName ?? 'VALUE'}` : '';
  const repeat = o.multiple === true ? ' (repeatable)' : '';
  return `  ${short}--${name}${value}`.padEnd(34) + ` ${o.description}${repeat}`;
}

export function commandHelp(c: Command): string {
  const lines = [`usage: uapi ${c.name} ${c.synopsis}`.trimEnd(), '', c.summary];
  if (c.details !== undefined) lines.push('', c.details);
  const opts = Object.entries(c.options);
  lines.push('', 'options:');
  for (const [n, o] of opts) lines.push(optionLine(n, o));
  lines.push(optionLine('debug', { type: 'boolean', description: 'print stack traces of internal errors' }));
  lines.push(optionLine('help', { type: 'boolean', short: 'h', description: 'show this help' }));
  return lines.join('\n') + '\n';
}

export function mainHelp(commands: readonly { readonly name: string; readonly summary: string }[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    'usage: uapi <command> [options]',
    '',
    'Keeps a Linux uAPI (ioctls, structs, enums, constants and their behaviour) from breaking.',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'exit codes: 0 nothing breaking, 1 breaking change or failed property, 2 usage or input error.',
    "Run 'uapi <command> --help' for a command's options.",
    '',
  ].join('\n');
}
