/** A `case NAME:` label alone on its line. */
const CASE_LABEL = /^\s*case\s+[A-Za-z_][A-Za-z0-9_]*\s*:\s*$/;
const BLANK_OR_COMMENT = /^\s*(\/\*.*\*\/|\/\/.*)?\s*$/;
const RETURN_ERROR = /^\s*return\s+-E[A-Z0-9]+\s*;\s*$/;
const SET_ERROR = /^\s*[A-Za-z_][A-Za-z0-9_]*\s*=\s*-E[A-Z0-9]+\s*;\s*$/;
const LEAVE = /^\s*(break|goto\s+[A-Za-z_][A-Za-z0-9_]*|return\s+[A-Za-z_][A-Za-z0-9_]*)\s*;\s*$/;

/**
 * Whether line `line` (1-based) of a C file is a `case` label whose body only answers an error: the
 * labels after it, then `return -EXXX;` or `r = -EXXX;` and `break;` (6.1's kvm_main.c:
 * `case KVM_TRACE_ENABLE: case KVM_TRACE_PAUSE: case KVM_TRACE_DISABLE: r = -EOPNOTSUPP; break;`).
 * The statement that answers, or undefined for anything else (a handler, a table entry, a mention).
 */
export function rejectingCase(text: string, line: number): string | undefined {
  const lines = text.split('\n');
  if (!CASE_LABEL.test(lines[line - 1] ?? '')) return undefined;
  const next = (from: number): number => {
    let i = from;
    while (i < lines.length && (CASE_LABEL.test(lines[i] as string) || BLANK_OR_COMMENT.test(lines[i] as string))) i++;
    return i;
  };
  const i = next(line);
  const first = lines[i] ?? '';
  if (RETURN_ERROR.test(first)) return first.trim();
  if (!SET_ERROR.test(first)) return undefined;
  let j = i + 1;
  while (j < lines.length && BLANK_OR_COMMENT.test(lines[j] as string)) j++;
  return LEAVE.test(lines[j] ?? '') ? `${first.trim()} ${(lines[j] as string).trim()}` : undefined;
}
