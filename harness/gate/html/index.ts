export { formatCheckHtml } from './page';
export type { HtmlReportInput, CheckedUapi } from './page';
export { byteMapOf, byteMapKey, fieldBits } from './byte-map-model';
export type { ByteMap, MapField, MapPadding } from './byte-map-model';
export { byteMapSvg } from './byte-map-svg';
export type { FieldMark, FieldNote, ByteMapSvgOptions } from './byte-map-svg';
export { fieldChanges } from './field-changes';
export type { FieldChanges } from './field-changes';
export { html as escapeHtml, attr as escapeHtmlAttribute } from './escape';
