export { ACME_ACCEL_HEADER, ACME_ACCEL_HEADER_NAME } from './acme-accel-header';
export { EDIT_DEFINITIONS, headerEdits } from './catalogue';
export { applyEdit, replace } from './header-edit';
export type { CorrectVerdict, EditDefinition, HeaderEdit, Replacement } from './header-edit';
