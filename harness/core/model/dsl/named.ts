import type { EnumDecl, RecordDecl } from '../model';

/** A builder of a top-level named declaration that other declarations can depend on. */
export interface NamedBuilder {
  readonly namedKind: 'record' | 'enum';
  decl(): RecordDecl | EnumDecl;
  dependencies(): readonly NamedBuilder[];
}
