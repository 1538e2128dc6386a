/**
 * One CSV cell: quoted, with quotes doubled. A cell that a spreadsheet would run as
 * a formula (=, +, -, @, tab, carriage return) gets a leading apostrophe.
 */
function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** Rows as CSV text (RFC 4180, CRLF line ends). */
export function toCsv(
  header: string[],
  rows: Array<Array<string | number | null | undefined>>,
): string {
  const lines = [header, ...rows].map(row => row.map(cell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
