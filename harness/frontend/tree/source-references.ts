import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { git } from './git';

/**
 * Where a kernel revision's own sources (not its uAPI headers, documentation, tools or samples) name
 * identifiers: the evidence for whether the kernel still handled an ioctl the header defined. A
 * driver's ioctl switch or table names every request it serves (`case KVM_CREATE_VCPU:`,
 * `DRM_IOCTL_DEF_DRV(AMDGPU_GEM_CREATE, ...)`, which pastes `DRM_IOCTL_##ioctl`).
 */
export interface SourceReferences {
  /** What was searched, for messages: `the tree /src/linux-6.1`, `revision v6.1`. */
  readonly label: string;
  /**
   * For each name found, its references in path order (`virt/kvm/kvm_main.c:4721`); names found
   * nowhere are absent. A string when the sources could not be searched (why).
   */
  find(names: readonly string[]): ReadonlyMap<string, readonly string[]> | string;
  /** The text of one of the sources' files (a path `find` gave), or undefined when it cannot be read. */
  text(file: string): string | undefined;
}

/** Paths whose mentions serve nothing: the uAPI headers themselves (and installed copies), docs, userspace tools. */
const NOT_KERNEL_CODE = /(^|\/)uapi\/|^(Documentation|tools|samples|scripts|usr)\//;

/** A token-pasting prefix (`DRM_IOCTL_##ioctl`) as grep -o prints it, with one character before it. */
const PASTE = /([A-Z][A-Z0-9_]*_)\s*##$/;
const PASTE_GREP = '(^|[^A-Za-z0-9_])[A-Z][A-Z0-9_]*_[[:space:]]*##';

interface Searcher {
  /** `grep -o` lines `path:line:match` for the fixed words. */
  words(words: readonly string[]): string[];
  /** `grep -o -h` matches of an extended regular expression. */
  matches(regex: string): string[];
  read(file: string): string | undefined;
}

function referencesWith(label: string, s: Searcher): SourceReferences {
  let prefixes: string[] | undefined;
  const texts = new Map<string, string | undefined>();
  return {
    label,
    text(file) {
      if (!texts.has(file)) texts.set(file, s.read(file));
      return texts.get(file);
    },
    find(names) {
      try {
        return search(names);
      } catch (e) {
        return e instanceof SearchFailed ? e.message : String(e);
      }
    },
  };
  function search(names: readonly string[]): Map<string, string[]> {
    const found = new Map<string, string[]>();
    if (names.length === 0) return found;
    // A name a macro builds by pasting (`DRM_IOCTL_##ioctl`) appears in the sources without its prefix.
    prefixes ??= [...new Set(s.matches(PASTE_GREP).flatMap((m) => PASTE.exec(m)?.[1] ?? []))];
    const wanted = new Map<string, { name: string; via?: string }[]>();
    const want = (word: string, name: string, via?: string): void => {
      const list = wanted.get(word) ?? [];
      list.push({ name, ...(via !== undefined ? { via } : {}) });
      wanted.set(word, list);
    };
    for (const n of names) {
      want(n, n);
      for (const p of prefixes) if (n.startsWith(p) && n.length > p.length) want(n.slice(p.length), n, p);
    }
    for (const line of s.words([...wanted.keys()])) {
      const m = /^(.*?):(\d+):([A-Za-z_][A-Za-z0-9_]*)$/.exec(line);
      if (m === null || NOT_KERNEL_CODE.test(m[1] as string)) continue;
      for (const w of wanted.get(m[3] as string) ?? []) {
        const at = `${m[1]}:${m[2]}${w.via !== undefined ? ` (as ${m[3]}, pasted after ${w.via}##)` : ''}`;
        found.set(w.name, [...(found.get(w.name) ?? []), at]);
      }
    }
    // grep -r lists files in directory order, which differs between file systems: sorted, it is stable.
    for (const refs of found.values()) refs.sort(byPlace);
    return found;
  }
}

function byPlace(a: string, b: string): number {
  const [pa = '', la = '0'] = a.split(':');
  const [pb = '', lb = '0'] = b.split(':');
  return cmp(pa, pb) || Number.parseInt(la, 10) - Number.parseInt(lb, 10) || cmp(a, b);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** grep could not search (a missing grep, an unreadable tree, a bad revision): said, never thrown past find. */
class SearchFailed extends Error {}

const GREP_FILES = ['--include=*.c', '--include=*.h', '--exclude-dir=.git'];

function grep(args: readonly string[], cwd: string): string[] {
  const r = spawnSync('grep', args, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  // Exit 1 is "no line matched"; anything else without output is a failure we cannot read as evidence.
  if (r.error !== undefined || (r.status !== 0 && r.status !== 1)) throw new SearchFailed(`grep failed in ${cwd}: ${r.error?.message ?? r.stderr}`);
  return r.stdout.split('\n').filter((l) => l !== '');
}

/** A kernel source tree on disk (a checkout or an unpacked release) at the old revision. */
export function directoryReferences(dir: string): SourceReferences {
  return referencesWith(`the tree ${dir}`, {
    words: (words) => grep(['-r', '-n', '-o', '-w', '-F', '-I', ...GREP_FILES, ...words.flatMap((w) => ['-e', w]), '.'], dir).map((l) => l.replace(/^\.\//, '')),
    matches: (regex) => grep(['-r', '-h', '-o', '-I', '-E', ...GREP_FILES, '--exclude-dir=tools', '-e', regex, '.'], dir),
    read: (file) => {
      try {
        return fs.readFileSync(path.join(dir, file), 'utf8');
      } catch {
        return undefined;
      }
    },
  });
}

/** A revision of a git repository (check-tree's past ref), searched with `git grep` without checking it out. */
export function revisionReferences(top: string, ref: string): SourceReferences {
  const run = (args: readonly string[]): string[] => {
    const r = git(top, ['grep', '-I', ...args, ref, '--', '*.c', '*.h', ':(exclude)Documentation', ':(exclude)tools']);
    if (!r.ok && r.stderr !== '') throw new SearchFailed(`git grep failed at ${ref}: ${r.stderr}`);
    return r.stdout.split('\n').filter((l) => l !== '');
  };
  return referencesWith(`revision ${ref}`, {
    words: (words) => run(['-n', '-o', '-w', '-F', ...words.flatMap((w) => ['-e', w])]).map((l) => (l.startsWith(`${ref}:`) ? l.slice(ref.length + 1) : l)),
    matches: (regex) => run(['-h', '-o', '-E', '-e', regex]),
    read: (file) => {
      const r = git(top, ['show', `${ref}:${file}`]);
      return r.ok ? r.stdout : undefined;
    },
  });
}
