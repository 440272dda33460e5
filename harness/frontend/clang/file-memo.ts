import * as fs from 'node:fs';
import { fileDigest } from './content-cache';
import { isFile } from './include-closure';

/**
 * What preparing probes learns about files, remembered for one batch of work (one `importHeaders`
 * call): whether a path is a file, which names a file `#include`s, its content hash. Hundreds of
 * probes of one header tree reach the same few dozen files (linux/types.h, asm/...), which are then
 * read and hashed once per batch instead of once per probe. Files are not expected to change while a
 * batch is prepared; the next batch looks again.
 */
export class FileMemo {
  private readonly files = new Map<string, boolean>();
  private readonly texts = new Map<string, string>();
  private readonly digests = new Map<string, string>();
  private readonly computed = new Map<string, unknown>();

  /** A value derived from the file system (such as an ABI's include folders), computed once per batch. */
  once<T>(key: string, compute: () => T): T {
    if (!this.computed.has(key)) this.computed.set(key, compute());
    return this.computed.get(key) as T;
  }

  isFile(p: string): boolean {
    let known = this.files.get(p);
    if (known === undefined) {
      known = isFile(p);
      this.files.set(p, known);
    }
    return known;
  }

  text(p: string): string {
    let known = this.texts.get(p);
    if (known === undefined) {
      known = fs.readFileSync(p, 'utf8');
      this.texts.set(p, known);
    }
    return known;
  }

  /** Whether a file's text matches `pattern` (`name` tells patterns apart in the memo). */
  matches(p: string, name: string, pattern: RegExp): boolean {
    return this.once(`matches\0${name}\0${p}`, () => pattern.test(this.text(p)));
  }

  digest(p: string): string {
    let known = this.digests.get(p);
    if (known === undefined) {
      known = fileDigest(p);
      this.digests.set(p, known);
    }
    return known;
  }
}
