import { issue, type Issue } from '../diagnostics/issue';
import type { Spec } from '../spec/model';

export interface ImportOptions {
  readonly includeDirs: readonly string[];
  readonly name?: string;
  readonly version?: string;
  /** How to name the header in messages (the user's argument, e.g. `REF:path`). */
  readonly displayName?: string;
}

// Placeholder until the clang importer lands (issue 3); replaced by harness/import/import-header.ts.
export async function importHeader(file: string, _options: ImportOptions): Promise<{ spec?: Spec; issues: Issue[] }> {
  return { issues: [issue('IMPORT_UNAVAILABLE', file, 'header import is not built yet')] };
}
