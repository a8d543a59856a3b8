/**
 * An RFC 4180 reader written for the tests, independent of the exporter.
 *
 * @module
 */

/**
 * Reads CSV: quoted fields, doubled quotes inside them, records ended by
 * CRLF (the last one too); throws on a record without its CRLF.
 *
 * @example
 * ```ts
 * import { parseCsv } from "./parse_csv.ts";
 * parseCsv('a,"b,""c"""\r\n'); // [["a", 'b,"c"']]
 * ```
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field !== "" || record.length > 0) throw new Error("the last record has no CRLF");
  return records;
}
