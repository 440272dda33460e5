import * as fs from 'node:fs';
import * as path from 'node:path';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { issue, type Issue } from '../../core/diagnostics/issue';
import { POLICIES, type PolicyName } from '../diff/policy';
import { parseAbiList } from '../../core/layout/abi';
import { discoverSpecFolders } from '../snapshot/discover';
import { textLocator } from '../../core/util/json-file';
import { readInputText } from '../../core/util/read-input';
import { CONFIG_FILE, DEFAULT_BUDGETS, type Budgets, type Config, type UapiEntry } from './config';

/** Built-in defaults: every spec folder under specs/, all eight ABIs, the kernel policy. */
export function defaultConfig(root: string): Config {
  return {
    file: undefined, root,
    uapis: discoverSpecFolders(root).map((spec) => ({ name: path.basename(spec), spec, include: [] })),
    abis: 'all', policy: 'kernel', snapshots: 'snapshots', reports: 'reports', budgets: DEFAULT_BUDGETS,
  };
}

const KNOWN_TOP = ['$schema', 'uapis', 'abis', 'policy', 'snapshots', 'reports', 'budgets'];
const KNOWN_UAPI = ['name', 'spec', 'header', 'include'];
const KNOWN_BUDGETS = ['quickRuns', 'fuzzTime'];
const DURATION = /^\d+(\.\d+)?(ms|s|m|h)$/;

/**
 * Reads and validates a config file, collecting every problem with its line and column. A missing
 * file is not an error: the defaults apply.
 */
export function loadConfig(root: string, explicit?: string): { config?: Config; issues: Issue[] } {
  const file = explicit !== undefined ? path.resolve(root, explicit) : path.join(root, CONFIG_FILE);
  if (!fs.existsSync(file)) {
    if (explicit !== undefined) return { issues: [issue('CONFIG_MISSING', explicit, 'no such configuration file')] };
    return { config: defaultConfig(root), issues: [] };
  }
  const shown = path.relative(process.cwd(), file) || file;
  const read = readInputText(file);
  if (read.text === undefined) return { issues: [issue('CONFIG_READ', CONFIG_FILE, read.problem ?? 'cannot read', { file: shown, line: 1, col: 1 })] };
  const text = read.text;
  const at = textLocator(shown, text);
  const issues: Issue[] = [];
  const bad = (node: Node | undefined, where: string, message: string): void => {
    issues.push(issue('CONFIG_INVALID', where, message, at(node?.offset ?? 0)));
  };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: false });
  for (const e of errors) issues.push(issue('CONFIG_SYNTAX', CONFIG_FILE, `JSON syntax: ${printParseErrorCode(e.error)}`, at(e.offset)));
  if (tree === undefined || tree.type !== 'object') {
    if (issues.length === 0) bad(tree, CONFIG_FILE, 'the configuration must be a JSON object');
    return { issues };
  }
  const dir = path.dirname(file);
  const value = (p: (string | number)[]): Node | undefined => findNodeAtLocation(tree, p);
  const unknown = (n: Node | undefined, known: readonly string[], where: string): void => {
    for (const c of n?.children ?? []) {
      const k = c.children?.[0]?.value as string;
      if (!known.includes(k)) bad(c, `${where}${k}`, `unknown setting "${k}"; known: ${known.join(', ')}`);
    }
  };
  unknown(tree, KNOWN_TOP, '');

  const str = (p: (string | number)[], where: string, fallback: string): string => {
    const n = value(p);
    if (n === undefined) return fallback;
    if (n.type !== 'string') { bad(n, where, 'must be a string'); return fallback; }
    return n.value as string;
  };

  const abis = str(['abis'], 'abis', 'all');
  if (parseAbiList(abis).unknown.length > 0) bad(value(['abis']), 'abis', `unknown ABI ${parseAbiList(abis).unknown.join(', ')}`);
  const policy = str(['policy'], 'policy', 'kernel');
  if (!(POLICIES as readonly string[]).includes(policy)) bad(value(['policy']), 'policy', `must be one of ${POLICIES.join(', ')}`);

  const uapisNode = value(['uapis']);
  let uapis: UapiEntry[] = defaultConfig(dir).uapis.slice();
  if (uapisNode !== undefined) {
    uapis = [];
    if (uapisNode.type !== 'array') bad(uapisNode, 'uapis', 'must be an array of {name, spec | header, include}');
    (uapisNode.children ?? []).forEach((n, i) => {
      const where = `uapis[${i}]`;
      if (n.type !== 'object') { bad(n, where, 'must be an object'); return; }
      unknown(n, KNOWN_UAPI, `${where}.`);
      const get = (k: string): Node | undefined => findNodeAtLocation(n, [k]);
      const name = get('name');
      if (name?.type !== 'string' || (name.value as string) === '') bad(name ?? n, `${where}.name`, 'a non-empty name is required');
      else if (uapis.some((u) => u.name === name.value)) bad(name, `${where}.name`, `uAPI name "${name.value as string}" is used twice: each uAPI has its own releases under snapshots/<name>/`);
      const spec = get('spec');
      const header = get('header');
      if ((spec === undefined) === (header === undefined)) bad(n, where, 'give exactly one of "spec" (a spec folder) and "header" (a .h file)');
      for (const [k, node] of [['spec', spec], ['header', header]] as const) {
        if (node === undefined) continue;
        if (node.type !== 'string') bad(node, `${where}.${k}`, 'must be a string');
        else if (!fs.existsSync(path.resolve(dir, node.value as string))) bad(node, `${where}.${k}`, `${node.value as string} does not exist`);
      }
      const inc = get('include');
      const include: string[] = [];
      if (inc !== undefined) {
        if (inc.type !== 'array') bad(inc, `${where}.include`, 'must be an array of folders');
        for (const x of inc.children ?? []) {
          if (x.type !== 'string') bad(x, `${where}.include`, 'folders are strings');
          else include.push(x.value as string);
        }
      }
      uapis.push({
        name: (name?.value as string | undefined) ?? '',
        ...(spec?.type === 'string' ? { spec: spec.value as string } : {}),
        ...(header?.type === 'string' ? { header: header.value as string } : {}),
        include,
      });
    });
  }

  const budgetsNode = value(['budgets']);
  unknown(budgetsNode, KNOWN_BUDGETS, 'budgets.');
  const runsNode = value(['budgets', 'quickRuns']);
  const quickRuns = runsNode === undefined ? DEFAULT_BUDGETS.quickRuns : runsNode.value as number;
  if (runsNode !== undefined && (runsNode.type !== 'number' || !Number.isInteger(quickRuns) || quickRuns < 1)) bad(runsNode, 'budgets.quickRuns', 'must be a positive integer');
  const fuzzTime = str(['budgets', 'fuzzTime'], 'budgets.fuzzTime', DEFAULT_BUDGETS.fuzzTime);
  if (!DURATION.test(fuzzTime)) bad(value(['budgets', 'fuzzTime']), 'budgets.fuzzTime', 'a duration such as 30s, 10m or 2h');
  const budgets: Budgets = { quickRuns, fuzzTime };

  if (issues.length > 0) return { issues };
  return {
    config: {
      file, root: dir, uapis, abis, policy: policy as PolicyName,
      snapshots: str(['snapshots'], 'snapshots', 'snapshots'), reports: str(['reports'], 'reports', 'reports'), budgets,
    },
    issues: [],
  };
}
