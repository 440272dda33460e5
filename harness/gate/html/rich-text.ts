import { html } from './escape';

/**
 * A message as HTML: the `backtick` spans that messages use for identifiers and commands become
 * <code>; everything else is escaped text. An unpaired backtick is left as it is.
 */
export function richText(message: string): string {
  const parts = message.split('`');
  if (parts.length % 2 === 0) return html(message);
  return parts.map((p, i) => (i % 2 === 1 ? `<code>${html(p)}</code>` : html(p))).join('');
}
