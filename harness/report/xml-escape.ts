// XML 1.0 cannot carry C0 controls other than tab, newline and carriage return, nor U+FFFE/U+FFFF or
// unpaired surrogates, even as character references: they are dropped. (The `entities` package was
// considered: its current major is ESM-only, which a CommonJS build cannot import, and it keeps
// characters XML forbids.)
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const TEXT_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTRIBUTE_ENTITIES: Readonly<Record<string, string>> = {
  ...TEXT_ENTITIES, '"': '&quot;', "'": '&apos;',
  // Parsers normalise raw whitespace in attribute values to spaces; references keep it.
  '\t': '&#9;', '\n': '&#10;', '\r': '&#13;',
};

/** Character data for an element's content. */
export function escapeXmlText(s: string): string {
  return s.replace(FORBIDDEN, '').replace(/[&<>]/g, (c) => TEXT_ENTITIES[c] ?? c);
}

/** An attribute value, to be written between double quotes. */
export function escapeXmlAttribute(s: string): string {
  return s.replace(FORBIDDEN, '').replace(/[&<>"'\t\n\r]/g, (c) => ATTRIBUTE_ENTITIES[c] ?? c);
}
