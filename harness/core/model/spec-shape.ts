import { issue, type Issue } from '../diagnostics/issue';
import type { JsonPath } from '../util/json-file';
import type { SourceLoc } from './model';
import { DIRECTIONS, FIELD_ANNOTATION_KEYS, FIELD_ROLES, IOCTL_ANNOTATION_KEYS, LINT_WAIVER_KEYS, TAIL_POLICIES, USER_POINTER_KEYS } from './annotation-keys';

/**
 * The structure of a spec, checked before anything reads it: every node has the fields of its kind
 * with the right JSON types, and nothing else. A spec comes from a JSON file a person may have edited,
 * or from a JavaScript module that may pass anything to the DSL; without this check a wrong type
 * surfaces as a crash deep in layout or lint. {@link validateSpec} checks the meaning afterwards.
 *
 * `locate` gives the source position of a JSON path (a canonical spec.json's line); without it an
 * issue takes the location of the nearest declaration that has one (a DSL call site).
 */
export function checkSpecShape(spec: unknown, locate?: (p: JsonPath) => SourceLoc): Issue[] {
  const out: Issue[] = [];
  const c = new ShapeChecker(out, locate);
  c.spec(spec);
  return out;
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const show = (v: unknown): string => (typeof v === 'bigint' ? `${v}` : typeof v === 'string' ? JSON.stringify(v) : Array.isArray(v) ? 'an array' : v === null ? 'null' : typeof v === 'object' ? 'an object' : String(v));

/** Keys every node may carry besides its own: documentation and the source position. */
const COMMON = ['doc', 'loc'];
const IOCTL_DIRS = ['none', 'w', 'r', 'rw'];
// A struct nested in a struct nested in ... : real headers stay far below this; an adversarial file
// must not exhaust the stack.
const MAX_DEPTH = 64;

interface Where {
  /** JSON path of the node. */
  readonly json: JsonPath;
  /** The uAPI path people read (`struct hl_cs_in.flags`). */
  readonly subject: string;
  /** The nearest declaration's own location (DSL call sites). */
  readonly loc: SourceLoc | undefined;
}

class ShapeChecker {
  constructor(private readonly out: Issue[], private readonly locate: ((p: JsonPath) => SourceLoc) | undefined) {}

  private bad(w: Where, key: string | undefined, message: string): void {
    const json = key !== undefined ? [...w.json, key] : w.json;
    const loc = this.locate !== undefined ? this.locate(json) : w.loc;
    const subject = key !== undefined ? `${w.subject}${w.subject === '' ? '' : ': '}${key}` : w.subject;
    this.out.push(issue('SPEC_SHAPE', subject, message, loc));
  }

  private locOf(o: Obj, outer: SourceLoc | undefined): SourceLoc | undefined {
    const l = o['loc'];
    return isObj(l) && typeof l['file'] === 'string' && typeof l['line'] === 'number' && typeof l['col'] === 'number' ? (l as unknown as SourceLoc) : outer;
  }

  /** The keys of `o` are among `known` (plus the common ones). */
  private keys(o: Obj, w: Where, known: readonly string[]): void {
    for (const k of Object.keys(o)) if (!known.includes(k) && !COMMON.includes(k)) this.bad(w, k, `unknown key (known here: ${known.join(', ')})`);
    if (o['doc'] !== undefined && typeof o['doc'] !== 'string') this.bad(w, 'doc', `must be a string, not ${show(o['doc'])}`);
  }

  private str(o: Obj, k: string, w: Where, optional = false): boolean {
    const v = o[k];
    if (v === undefined && optional) return true;
    if (typeof v === 'string' && v !== '') return true;
    this.bad(w, k, v === undefined ? 'is required (a non-empty string)' : `must be a non-empty string, not ${show(v)}`);
    return false;
  }

  private oneOf(o: Obj, k: string, w: Where, allowed: readonly string[], optional = false): void {
    const v = o[k];
    if (v === undefined && optional) return;
    if (typeof v !== 'string' || !allowed.includes(v)) this.bad(w, k, `must be one of ${allowed.join(', ')}, not ${v === undefined ? 'missing' : show(v)}`);
  }

  private bool(o: Obj, k: string, w: Where): void {
    if (o[k] !== undefined && typeof o[k] !== 'boolean') this.bad(w, k, `must be true or false, not ${show(o[k])}`);
  }

  /** A number; whether it is a fitting integer is {@link validateSpec}'s to say, with the reason. */
  private num(o: Obj, k: string, w: Where, optional: boolean): void {
    const v = o[k];
    if (v === undefined && optional) return;
    if (typeof v !== 'number') this.bad(w, k, `must be a number, not ${v === undefined ? 'missing' : show(v)}`);
  }

  private big(o: Obj, k: string, w: Where): void {
    if (typeof o[k] !== 'bigint') this.bad(w, k, `must be an integer, not ${o[k] === undefined ? 'missing' : show(o[k])}`);
  }

  private list(o: Obj, k: string, w: Where, each: (x: unknown, i: number) => void): void {
    const v = o[k];
    if (!Array.isArray(v)) {
      this.bad(w, k, `must be an array, not ${v === undefined ? 'missing' : show(v)}`);
      return;
    }
    v.forEach(each);
  }

  spec(v: unknown): void {
    const w: Where = { json: [], subject: '', loc: undefined };
    if (!isObj(v)) {
      this.bad(w, undefined, `a spec is an object, not ${show(v)}`);
      return;
    }
    this.keys(v, w, ['format', 'name', 'version', 'records', 'enums', 'constants', 'groups', 'ioctls', 'source']);
    this.str(v, 'name', w);
    this.str(v, 'version', w);
    const at = (k: string, i: number, x: unknown, subject: (o: Obj) => string): Where => ({ json: [k, i], subject: isObj(x) ? subject(x) : `${k}[${i}]`, loc: isObj(x) ? this.locOf(x, undefined) : undefined });
    const named = (kind: string) => (o: Obj): string => `${kind} ${typeof o['name'] === 'string' ? o['name'] : '<anonymous>'}`;
    this.list(v, 'records', w, (x, i) => this.record(x, at('records', i, x, (o) => named(typeof o['kind'] === 'string' ? o['kind'] : 'record')(o)), 0));
    this.list(v, 'enums', w, (x, i) => this.enumDecl(x, at('enums', i, x, named('enum'))));
    this.list(v, 'constants', w, (x, i) => this.constant(x, at('constants', i, x, named('constant'))));
    this.list(v, 'groups', w, (x, i) => this.group(x, at('groups', i, x, named('group'))));
    this.list(v, 'ioctls', w, (x, i) => this.ioctl(x, at('ioctls', i, x, named('ioctl'))));
  }

  private object(x: unknown, w: Where, what: string): x is Obj {
    if (isObj(x)) return true;
    this.bad(w, undefined, `${what} is an object, not ${show(x)}`);
    return false;
  }

  record(x: unknown, w: Where, depth: number): void {
    if (!this.object(x, w, 'a struct or union')) return;
    if (depth > MAX_DEPTH) {
      this.bad(w, undefined, `records nested more than ${MAX_DEPTH} deep`);
      return;
    }
    this.keys(x, w, ['kind', 'name', 'members', 'packed', 'aligned', 'maxFieldAlign', 'lintWaivers']);
    this.oneOf(x, 'kind', w, ['struct', 'union']);
    this.str(x, 'name', w, true);
    this.bool(x, 'packed', w);
    this.num(x, 'aligned', w, true);
    this.num(x, 'maxFieldAlign', w, true);
    if (x['lintWaivers'] !== undefined) {
      this.list(x, 'lintWaivers', w, (lw, i) => {
        const ww: Where = { json: [...w.json, 'lintWaivers', i], subject: `${w.subject}: lintWaivers[${i}]`, loc: w.loc };
        if (!this.object(lw, ww, 'a lint waiver ({rule, reason})')) return;
        this.keys(lw, ww, LINT_WAIVER_KEYS);
        this.str(lw, 'rule', ww);
        this.str(lw, 'reason', ww);
        this.str(lw, 'owner', ww, true);
        this.str(lw, 'expires', ww, true);
      });
    }
    this.list(x, 'members', w, (m, i) => {
      const sub = isObj(m) && typeof m['name'] === 'string' ? `${w.subject}.${m['name']}` : `${w.subject}.<member #${i}>`;
      this.member(m, { json: [...w.json, 'members', i], subject: sub, loc: isObj(m) ? this.locOf(m, w.loc) : w.loc }, depth);
    });
  }

  private member(x: unknown, w: Where, depth: number): void {
    if (!this.object(x, w, 'a member')) return;
    this.keys(x, w, ['name', 'type', 'bits', 'aligned', 'annotations']);
    this.str(x, 'name', w, true);
    this.num(x, 'bits', w, true);
    this.num(x, 'aligned', w, true);
    this.type(x['type'], { ...w, json: [...w.json, 'type'] }, depth + 1);
    if (x['annotations'] !== undefined) this.annotations(x['annotations'], { ...w, json: [...w.json, 'annotations'] });
  }

  private annotations(x: unknown, w: Where): void {
    if (!this.object(x, w, 'annotations')) return;
    this.keys(x, w, FIELD_ANNOTATION_KEYS);
    this.oneOf(x, 'role', w, FIELD_ROLES, true);
    for (const k of ['flags', 'oneOf', 'handle']) this.str(x, k, w, true);
    this.bool(x, 'sizeOfStruct', w);
    this.oneOf(x, 'dir', w, DIRECTIONS, true);
    const up = x['userPointer'];
    if (up === undefined) return;
    const uw: Where = { ...w, json: [...w.json, 'userPointer'], subject: `${w.subject}: userPointer` };
    if (!this.object(up, uw, 'userPointer')) return;
    this.keys(up, uw, USER_POINTER_KEYS);
    this.str(up, 'lengthField', uw, true);
    this.str(up, 'elementType', uw, true);
    this.oneOf(up, 'lengthUnit', uw, ['bytes', 'elements'], true);
    this.oneOf(up, 'dir', uw, DIRECTIONS, true);
  }

  private type(x: unknown, w: Where, depth: number): void {
    if (!this.object(x, w, 'a type')) return;
    if (depth > MAX_DEPTH) {
      this.bad(w, undefined, `types nested more than ${MAX_DEPTH} deep`);
      return;
    }
    const k = x['kind'];
    switch (k) {
      case 'scalar':
        this.keys(x, w, ['kind', 'name', 'spelled', 'aligned']);
        this.str(x, 'name', w);
        this.str(x, 'spelled', w, true);
        this.num(x, 'aligned', w, true);
        return;
      case 'array':
        this.keys(x, w, ['kind', 'element', 'length']);
        this.num(x, 'length', w, false);
        this.type(x['element'], { ...w, json: [...w.json, 'element'] }, depth + 1);
        return;
      case 'pointer':
        this.keys(x, w, ['kind', 'to']);
        this.type(x['to'], { ...w, json: [...w.json, 'to'] }, depth + 1);
        return;
      case 'ref':
        this.keys(x, w, ['kind', 'tag', 'name']);
        this.oneOf(x, 'tag', w, ['struct', 'union', 'enum']);
        this.str(x, 'name', w);
        return;
      case 'record':
        this.keys(x, w, ['kind', 'record']);
        this.record(x['record'], { ...w, json: [...w.json, 'record'] }, depth + 1);
        return;
      default:
        this.bad(w, 'kind', `a type is one of scalar, array, pointer, ref, record; not ${k === undefined ? 'missing' : show(k)}`);
    }
  }

  private enumDecl(x: unknown, w: Where): void {
    if (!this.object(x, w, 'an enum')) return;
    this.keys(x, w, ['kind', 'name', 'values', 'packed']);
    this.oneOf(x, 'kind', w, ['enum']);
    this.str(x, 'name', w);
    this.bool(x, 'packed', w);
    this.list(x, 'values', w, (v, i) => {
      const vw: Where = { json: [...w.json, 'values', i], subject: isObj(v) && typeof v['name'] === 'string' ? `${w.subject}.${v['name']}` : `${w.subject}.values[${i}]`, loc: isObj(v) ? this.locOf(v, w.loc) : w.loc };
      if (!this.object(v, vw, 'an enumerator')) return;
      this.keys(v, vw, ['name', 'value']);
      this.str(v, 'name', vw);
      this.big(v, 'value', vw);
    });
  }

  private constant(x: unknown, w: Where): void {
    if (!this.object(x, w, 'a constant')) return;
    this.keys(x, w, ['kind', 'name', 'value', 'group', 'payload']);
    this.oneOf(x, 'kind', w, ['constant']);
    this.str(x, 'name', w);
    this.big(x, 'value', w);
    this.str(x, 'group', w, true);
    this.str(x, 'payload', w, true);
  }

  private group(x: unknown, w: Where): void {
    if (!this.object(x, w, 'a group')) return;
    this.keys(x, w, ['kind', 'name', 'of']);
    this.oneOf(x, 'kind', w, ['group']);
    this.str(x, 'name', w);
    this.oneOf(x, 'of', w, ['flags', 'values']);
  }

  private ioctl(x: unknown, w: Where): void {
    if (!this.object(x, w, 'an ioctl')) return;
    this.keys(x, w, ['kind', 'name', 'type', 'nr', 'dir', 'arg', ...IOCTL_ANNOTATION_KEYS]);
    this.oneOf(x, 'kind', w, ['ioctl']);
    this.str(x, 'name', w);
    this.num(x, 'type', w, false);
    this.num(x, 'nr', w, false);
    this.oneOf(x, 'dir', w, IOCTL_DIRS);
    if (x['arg'] !== undefined) this.type(x['arg'], { ...w, json: [...w.json, 'arg'] }, 0);
    this.bool(x, 'sizeExtensible', w);
    this.oneOf(x, 'tail', w, TAIL_POLICIES, true);
    const e = x['errno'];
    if (e !== undefined && !isObj(e)) this.bad(w, 'errno', `must be an object {failure class: errno name}, not ${show(e)}`);
  }
}
