import { escapeXmlAttribute, escapeXmlText } from '../../report/xml-escape';

// HTML needs the same five characters escaped as XML, and the characters XML forbids are parse
// errors in HTML too, so the XML escapers serve both (`&apos;` is an HTML5 named reference). The
// npm candidates were weighed: escape-html and html-escaper escape the same five characters but keep
// control characters; escape-goat and entities' current major are ESM-only. Nothing here is written
// inside <script> or <style>, where other rules would apply.

/** Text content of an HTML or inline-SVG element. */
export function html(s: string): string {
  return escapeXmlText(s);
}

/** A value written between double quotes as an attribute. */
export function attr(s: string): string {
  return escapeXmlAttribute(s);
}

/**
 * A fragment identifier (`id`, `href="#..."`) made from names: letters, digits, `-` and `_` only, so it
 * needs no escaping anywhere; distinct inputs that collide are told apart by the caller's prefix.
 */
export function anchor(...parts: readonly string[]): string {
  return parts.map((p) => p.replace(/[^A-Za-z0-9_]+/g, '-').replace(/^-|-$/g, '')).filter((p) => p !== '').join('-');
}
