/**
 * Reading and writing `telemetry.enabled` in the text of `jmo.yml`, keeping
 * every other byte of the file: comments, keys, order, quoting, blank lines.
 *
 * @module
 */

import { isDeepStrictEqual } from "node:util";
import type { Document, Node, Pair, Scalar, YAMLMap } from "yaml";
import { yamlParser } from "./yaml_parser.ts";

// The parser loads on first use (it throws `YamlParserMissing` where it cannot).
const isMap = (node: unknown): node is YAMLMap => yamlParser().isMap(node);
const isScalar = (node: unknown): node is Scalar => yamlParser().isScalar(node);
const parseDocument: typeof import("yaml").parseDocument = (source, options) =>
  yamlParser().parseDocument(source, options);

/**
 * A config file that is not valid YAML, or whose top level is not a mapping.
 *
 * @example
 * ```ts
 * import { ConfigSyntaxError } from "@jmo/telemetry";
 * const error = new ConfigSyntaxError("line 3: bad indentation");
 * error instanceof Error; // true
 * ```
 */
export class ConfigSyntaxError extends Error {
  /** Makes the error with what is wrong and where, as `line 3: bad indentation`. */
  constructor(message: string) {
    super(message);
    this.name = "ConfigSyntaxError";
  }
}

/** A null written as nothing at all, as in `enabled:` or an empty document. */
function isEmpty(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.source === "");
}

function parse(text: string) {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    const line = first.linePos?.[0]?.line;
    throw new ConfigSyntaxError(`${line ? `line ${line}: ` : ""}${first.message.split("\n")[0]}`);
  }
  if (!isEmpty(doc.contents) && !isMap(doc.contents)) {
    throw new ConfigSyntaxError("the top level is not a mapping of keys to values");
  }
  return doc;
}

/** `word`, `Word` and `WORD`: the spellings YAML 1.1 allows. */
function spellings(word: string): string[] {
  return [word, word[0].toUpperCase() + word.slice(1), word.toUpperCase()];
}

/**
 * The words YAML 1.1 reads as booleans, as the host tool's Python YAML
 * loader does: `enabled: no` must mean no to both.
 */
const YAML_11_BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ...["yes", "on", "true"].flatMap(spellings).map((w): [string, boolean] => [w, true]),
  ...["no", "off", "false"].flatMap(spellings).map((w): [string, boolean] => [w, false]),
]);

/** What a config text says at `telemetry.enabled`. */
export interface TelemetrySetting {
  /**
   * The choice: a boolean (YAML 1.2, or a YAML 1.1 word such as `no`); `false`
   * for any other value written there; `undefined` when nothing is.
   */
  enabled: boolean | undefined;
  /** The value as written, when it is no boolean: it is read as `false`. */
  unrecognized?: string;
}

function settingOf(node: Node | null | undefined, text: string): TelemetrySetting {
  if (node === undefined || isEmpty(node)) return { enabled: undefined };
  if (isScalar(node)) {
    if (node.value === null) return { enabled: undefined };
    if (typeof node.value === "boolean") return { enabled: node.value };
    const word = node.type === "PLAIN" ? YAML_11_BOOLEANS.get(String(node.value)) : undefined;
    if (word !== undefined) return { enabled: word };
  }
  // Privacy first: whatever else was written there, only a plain yes turns telemetry on.
  return { enabled: false, unrecognized: text.slice(node!.range![0], node!.range![1]).trim() };
}

/**
 * What a config text says at `telemetry.enabled`: a boolean (plain `yes`,
 * `no`, `on` and `off` count, as YAML 1.1 and the host's Python loader read
 * them), nothing, or another value, which is read as `false`. Throws
 * `ConfigSyntaxError` when the text is not valid YAML.
 *
 * @example
 * ```ts
 * import { readTelemetrySetting } from "@jmo/telemetry";
 * readTelemetrySetting("telemetry:\n  enabled: no\n"); // { enabled: false }
 * readTelemetrySetting("telemetry:\n  enabled: 0\n"); // { enabled: false, unrecognized: "0" }
 * ```
 */
export function readTelemetrySetting(text: string): TelemetrySetting {
  return settingOf(parse(text).getIn(["telemetry", "enabled"], true) as Node | undefined, text);
}

/**
 * Whether a config text that is not valid YAML still opts out where a
 * lenient read finds `telemetry.enabled` (an error elsewhere in the file, a
 * repeated key): a broken file can turn telemetry off, never on.
 *
 * @example
 * ```ts
 * import { salvageOptOut } from "./config_text.ts";
 * salvageOptOut("telemetry:\n  enabled: false\nscan: [unclosed\n"); // true
 * salvageOptOut("telemetry:\n  enabled: true\nscan: [unclosed\n"); // false
 * ```
 */
export function salvageOptOut(text: string): boolean {
  const doc = parseDocument(text, { uniqueKeys: false });
  const node = isMap(doc.contents) ? doc.getIn(["telemetry", "enabled"], true) : undefined;
  return settingOf(node as Node | undefined, text).enabled === false;
}

/**
 * The value of `telemetry.enabled` in a config text: `true`, `false`, or
 * `undefined` when the file holds no boolean choice. Throws
 * `ConfigSyntaxError` when the text is not valid YAML.
 *
 * @example
 * ```ts
 * import { readTelemetryChoice } from "@jmo/telemetry";
 * readTelemetryChoice("telemetry:\n  enabled: false # opted out\n"); // false
 * readTelemetryChoice("telemetry:\n  enabled: off\n"); // false
 * readTelemetryChoice("profiles: {}\n"); // undefined
 * ```
 */
export function readTelemetryChoice(text: string): boolean | undefined {
  return readTelemetrySetting(text).enabled;
}

function findPair(map: YAMLMap, name: string): Pair<Node, Node | null> | undefined {
  return (map.items as Pair<Node, Node | null>[]).find((p) =>
    isScalar(p.key) && p.key.value === name
  );
}

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

function skipBlanks(text: string, from: number): number {
  return from + /^\s*/.exec(text.slice(from))![0].length;
}

function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf("\n", offset - 1) + 1);
}

/** The offset of the `:` after a key, or `undefined` for a key without one (`{enabled}`). */
function colonAfter(text: string, key: Node): number | undefined {
  const at = skipBlanks(text, key.range![1]);
  return text[at] === ":" ? at : undefined;
}

/** Replaces a pair's value (with its tag and anchor) by `replacement`, or fills an empty one. */
function replaceValue(text: string, pair: Pair<Node, Node | null>, replacement: string): string {
  const colon = colonAfter(text, pair.key);
  const value = pair.value;
  if (colon === undefined) {
    return splice(text, pair.key.range![1], pair.key.range![1], `: ${replacement}`);
  }
  if (isEmpty(value)) return splice(text, colon + 1, colon + 1, ` ${replacement}`);
  const hasProperties = value!.anchor !== undefined || value!.tag !== undefined;
  const start = hasProperties ? skipBlanks(text, colon + 1) : value!.range![0];
  // A block value's range runs past its last line break, which stays.
  const end = start + text.slice(start, value!.range![1]).trimEnd().length;
  return splice(text, start, end, replacement);
}

/** Adds `entry` inside the braces of a flow mapping, after its last entry. */
function insertIntoFlowMap(text: string, map: YAMLMap, entry: string): string {
  const last = map.items.at(-1) as Pair<Node, Node | null> | undefined;
  if (!last) return splice(text, map.range![0] + 1, map.range![0] + 1, entry);
  const colon = colonAfter(text, last.key);
  const end = !isEmpty(last.value)
    ? last.value!.range![1]
    : colon === undefined
    ? last.key.range![1]
    : colon + 1;
  return splice(text, end, end, `, ${entry}`);
}

/** Adds `line` as the line after the one holding `offset`. */
function insertLineAfter(text: string, offset: number, line: string, eol: string): string {
  const lineEnd = text.indexOf("\n", offset);
  if (lineEnd === -1) return `${text}${eol}${line}${eol}`;
  return splice(text, lineEnd + 1, lineEnd + 1, line + eol);
}

/** Adds `lines` at the end of the document: before a `...` end marker, else at the end of the text. */
function appendToDocument(text: string, doc: Document, lines: string, eol: string): string {
  const marker = /^\.\.\.(?=\s|$)/gm;
  marker.lastIndex = doc.range?.[1] ?? 0;
  const at = marker.exec(text)?.index ?? text.length;
  const newline = at === text.length && text !== "" && !text.endsWith("\n") ? eol : "";
  return splice(text, at, at, newline + lines);
}

function childIndent(text: string, map: YAMLMap, parentColumn: number): string {
  const first = map.items[0]?.key as Node | undefined;
  return " ".repeat(first?.range ? column(text, first.range[0]) : parentColumn + 2);
}

function editChoice(text: string, doc: Document, word: string): string {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const root = doc.contents as YAMLMap | null;
  const telemetryPair = isMap(root) ? findPair(root, "telemetry") : undefined;
  if (!telemetryPair) {
    if (isMap(root) && root.flow) {
      return insertIntoFlowMap(text, root, `telemetry: {enabled: ${word}}`);
    }
    const indent = " ".repeat(isMap(root) ? column(text, root.range![0]) : 0);
    return appendToDocument(
      text,
      doc,
      `${indent}telemetry:${eol}${indent}  enabled: ${word}${eol}`,
      eol,
    );
  }
  const { key, value: telemetry } = telemetryPair;
  const keyLine = colonAfter(text, key) ?? key.range![1];
  const keyColumn = column(text, key.range![0]);
  if (isMap(telemetry)) {
    const enabledPair = findPair(telemetry, "enabled");
    if (enabledPair) return replaceValue(text, enabledPair, word);
    if (telemetry.flow) return insertIntoFlowMap(text, telemetry, `enabled: ${word}`);
    const indent = childIndent(text, telemetry, keyColumn);
    return insertLineAfter(text, keyLine, `${indent}enabled: ${word}`, eol);
  }
  if (isEmpty(telemetry) && !root!.flow) {
    return insertLineAfter(text, keyLine, `${" ".repeat(keyColumn + 2)}enabled: ${word}`, eol);
  }
  return replaceValue(text, telemetryPair, `{enabled: ${word}}`);
}

/** What the whole file must read as once `telemetry.enabled` is set. */
function expectedValue(before: unknown, enabled: boolean): unknown {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === "object" && v !== null && !Array.isArray(v);
  const root = isObject(before) ? before : {};
  const telemetry = isObject(root.telemetry) ? root.telemetry : {};
  return { ...root, telemetry: { ...telemetry, enabled } };
}

/**
 * Sets `telemetry.enabled` in a config text and returns the new text, by
 * splicing: every byte but the value (or the lines and entries added to hold
 * it) stays as it was, line endings included. The new text is parsed again
 * and must read as the old one with only `telemetry.enabled` set; otherwise
 * an `Error` says so and nothing is returned. Throws `ConfigSyntaxError` when
 * the text is not valid YAML.
 *
 * @example
 * ```ts
 * import { setTelemetryChoice } from "@jmo/telemetry";
 * setTelemetryChoice("# mine\ntelemetry:\n  enabled: true  # yes\n", false);
 * // "# mine\ntelemetry:\n  enabled: false  # yes\n"
 * setTelemetryChoice("telemetry: {x: 1}\n", true); // "telemetry: {x: 1, enabled: true}\n"
 * ```
 */
export function setTelemetryChoice(text: string, enabled: boolean): string {
  const doc = parse(text);
  const after = editChoice(text, doc, String(enabled));
  let reread: unknown;
  try {
    reread = parse(after).toJS();
  } catch {
    reread = undefined;
  }
  if (!isDeepStrictEqual(reread, expectedValue(doc.toJS(), enabled))) {
    throw new Error(
      "telemetry.enabled cannot be set here without changing other content of the file; set it by hand",
    );
  }
  return after;
}
