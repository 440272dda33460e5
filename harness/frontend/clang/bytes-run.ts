import { renameMainFile, type ClangRun } from './clang-tool';

/**
 * A clang run whose standard output stays the bytes clang wrote until someone reads `stdout` (then
 * decoded once, the main file renamed). Readers of large dumps use `bytes` and decode only what
 * they need.
 */
export class BytesRun implements ClangRun {
  readonly exitCode: number;
  readonly stderr: string;
  readonly bytes: { readonly data: Buffer; readonly mainFile: string };
  private text: string | undefined;

  /** `stderr` is already renamed; `data` names the main file `mainFile`. */
  constructor(exitCode: number, stderr: string, data: Buffer, mainFile: string) {
    this.exitCode = exitCode;
    this.stderr = stderr;
    this.bytes = { data, mainFile };
  }

  get stdout(): string {
    this.text ??= renameMainFile(this.bytes.data.toString('utf8'), this.bytes.mainFile);
    return this.text;
  }
}
