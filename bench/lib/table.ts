// A tiny fixed-width table printer for benchmark output, plus the percentile helper every
// benchmark needs.

export type Cell = string | number | null | undefined;

export interface Column {
  title: string;
  /** Right-align (numbers); default: right for numbers, left for text. */
  align?: 'left' | 'right';
  /** Digits after the point for numbers (default: 0 for integers, 2 otherwise). */
  digits?: number;
}

function formatCell(value: Cell, column: Column): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return String(value);
    const digits = column.digits ?? (Number.isInteger(value) ? 0 : 2);
    return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }
  return value;
}

/** Display width: CJK and other wide characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** Renders rows under a header, columns separated by two spaces, with a rule under the header. */
export function formatTable(columns: (Column | string)[], rows: Cell[][], title?: string): string {
  const cols: Column[] = columns.map((c) => (typeof c === 'string' ? { title: c } : c));
  const text = rows.map((row) => cols.map((col, i) => formatCell(row[i], col)));
  const aligns = cols.map((col, i) => col.align ?? (rows.some((row) => typeof row[i] === 'number') ? 'right' : 'left'));
  const widths = cols.map((col, i) => Math.max(displayWidth(col.title), ...text.map((row) => displayWidth(row[i] ?? ''))));
  const line = (cells: string[]) => cells.map((cell, i) => pad(cell, widths[i]!, aligns[i]!)).join('  ').trimEnd();
  const out = [line(cols.map((c) => c.title)), widths.map((w) => '-'.repeat(w)).join('  '), ...text.map(line)];
  if (title) out.unshift(title);
  return out.join('\n');
}

export function printTable(columns: (Column | string)[], rows: Cell[][], title?: string): void {
  console.log(formatTable(columns, rows, title));
}

/** The p-th percentile (0–100) of `values` by nearest rank; null when empty. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
