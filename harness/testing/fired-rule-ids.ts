import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

/** A rule id some production code reports a result under, and where. */
export interface FiredRule {
  readonly id: string;
  readonly file: string;
  readonly line: number;
}

/** `{file: text}`: the sources to read. */
export type Sources = Readonly<Record<string, string>>;

/** The production sources (no tests) under `folders` of the repository at `root`, by relative path. */
export function productionSources(root: string, folders: readonly string[]): Sources {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const r = path.posix.join(rel, e.name);
      if (e.isDirectory()) walk(r);
      else if (r.endsWith('.ts') && !r.endsWith('.test.ts') && !r.endsWith('.d.ts')) out[r] = fs.readFileSync(path.join(root, r), 'utf8');
    }
  };
  for (const f of folders) walk(f);
  return out;
}

const parse = (file: string, text: string): ts.SourceFile => ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);

/**
 * Constants that hold a rule id, across all the sources: `const X = 'ID'` and
 * `const X = defineRule('ID', ...)` (a change rule, named as `R.X` or `X`); upper-case names only,
 * since a local `const rule = ...` means nothing outside its function. Read from the text: it
 * is cheaper than parsing every file, and a constant it missed could only hide an id, not invent one.
 */
function ruleConstants(sources: Sources): Map<string, string> {
  const consts = new Map<string, string>();
  for (const text of Object.values(sources)) {
    for (const m of text.matchAll(/\bconst\s+([A-Z][A-Z0-9_]*)\s*=\s*(?:defineRule\(\s*)?'([^'\\\n]+)'/g)) consts.set(m[1] as string, m[2] as string);
  }
  return consts;
}

/** Files that can fire a rule at all (the rest is not parsed). */
const FIRES = /\brules?\s*:|ensure\(|new Violation\(|\.emit\(/;

/**
 * Every rule id the sources report results under, read from the syntax: what an object literal's
 * `rule:` or a step's `rules: [...]` is given, the rule argument of `ensure(ok, rule, ...)`,
 * `new Violation(rule, ...)` and `sink.emit(rule, ...)`, and the rule objects of the diff (`R.X`);
 * through conditionals, and through constants declared in any of the sources. Values computed at run
 * time (an issue's code) are not rule ids and are not followed.
 */
export function firedRuleIds(sources: Sources): FiredRule[] {
  const consts = ruleConstants(sources);
  const files = Object.entries(sources).filter(([, t]) => FIRES.test(t)).map(([f, t]) => parse(f, t));
  const out: FiredRule[] = [];
  for (const src of files) {
    const add = (e: ts.Expression | undefined): void => {
      if (e === undefined) return;
      const line = src.getLineAndCharacterOfPosition(e.getStart(src)).line + 1;
      if (ts.isParenthesizedExpression(e)) add(e.expression);
      else if (ts.isConditionalExpression(e)) { add(e.whenTrue); add(e.whenFalse); }
      else if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) add(e.right);
      else if (ts.isStringLiteralLike(e)) out.push({ id: e.text, file: src.fileName, line });
      else if (ts.isIdentifier(e) && consts.has(e.text)) out.push({ id: consts.get(e.text) as string, file: src.fileName, line });
      else if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'R' && consts.has(e.name.text)) out.push({ id: consts.get(e.name.text) as string, file: src.fileName, line });
    };
    const visit = (n: ts.Node): void => {
      if (ts.isPropertyAssignment(n) && ts.isIdentifier(n.name)) {
        if (n.name.text === 'rule') add(n.initializer);
        if (n.name.text === 'rules' && ts.isArrayLiteralExpression(n.initializer)) for (const el of n.initializer.elements) add(el);
      } else if (ts.isCallExpression(n)) {
        const callee = n.expression;
        if (ts.isIdentifier(callee) && callee.text === 'ensure') add(n.arguments[1]);
        if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'emit') add(n.arguments[0]);
      } else if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'Violation') {
        add(n.arguments?.[0]);
      }
      ts.forEachChild(n, visit);
    };
    visit(src);
  }
  return out;
}
