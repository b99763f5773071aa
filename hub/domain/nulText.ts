// PostgreSQL refuses U+0000 in text, so a string holding one can never be stored or looked up:
// inbound values carrying one are refused at the edge as `invalid`, and text written for the
// record (audit) has it replaced.

const NUL = '\u0000';

/** The path of the first string (or object key) holding a NUL, `(root)` for the value itself; undefined when none. */
export function findNul(value: unknown): string | undefined {
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value: current, path } = item;
    if (typeof current === 'string') {
      if (current.includes(NUL)) return path || '(root)';
    } else if (typeof current === 'object' && current !== null) {
      for (const [key, child] of Object.entries(current)) {
        const childPath = path ? `${path}.${key}` : key;
        if (key.includes(NUL)) return withoutNul(childPath);
        stack.push({ value: child, path: childPath });
      }
    }
  }
  return undefined;
}

/** `text` with every NUL shown as U+FFFD, safe to store in any text column. */
export function withoutNul(text: string): string {
  return text.replaceAll(NUL, '\uFFFD');
}
