/**
 * Splitting a migration file into the statements D1 runs one by one.
 *
 * @module
 */

/**
 * Splits SQL text into statements at top-level semicolons, skipping `--` and
 * `/* *\/` comments and leaving quoted text intact. (Trigger bodies with inner
 * semicolons are not supported.)
 *
 * @example
 * ```ts
 * import { splitSqlStatements } from "./split_sql_statements.ts";
 * splitSqlStatements("CREATE TABLE t (a TEXT DEFAULT ';'); -- note\nCREATE INDEX i ON t(a);");
 * // ["CREATE TABLE t (a TEXT DEFAULT ';')", "CREATE INDEX i ON t(a)"]
 * ```
 */
export function splitSqlStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = "";
  let i = 0;
  while (i < sql.length) {
    const char = sql[i];
    if (char === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      i = end === -1 ? sql.length : end;
    } else if (char === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      i = end === -1 ? sql.length : end + 2;
      current += " ";
    } else if (char === "'" || char === '"' || char === "`") {
      let end = sql.indexOf(char, i + 1);
      while (end !== -1 && sql[end + 1] === char) end = sql.indexOf(char, end + 2);
      const stop = end === -1 ? sql.length : end + 1;
      current += sql.slice(i, stop);
      i = stop;
    } else if (char === ";") {
      statements.push(current);
      current = "";
      i++;
    } else {
      current += char;
      i++;
    }
  }
  statements.push(current);
  return statements.map((s) => s.trim()).filter((s) => s !== "");
}
