/**
 * Reading and writing `telemetry.enabled` in the text of `jmo.yml`, keeping
 * every other byte of the file: comments, keys, order, quoting, blank lines.
 *
 * @module
 */

import { isMap, isScalar, parseDocument, type Scalar, type YAMLMap } from "yaml";

/** A config file that is not valid YAML, or whose top level is not a mapping. */
export class ConfigSyntaxError extends Error {
  /**
   * @example
   * ```ts
   * import { ConfigSyntaxError } from "./config_text.ts";
   * throw new ConfigSyntaxError("line 3: bad indentation");
   * ```
   */
  constructor(message: string) {
    super(message);
    this.name = "ConfigSyntaxError";
  }
}

function parse(text: string) {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    const line = first.linePos?.[0]?.line;
    throw new ConfigSyntaxError(`${line ? `line ${line}: ` : ""}${first.message.split("\n")[0]}`);
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    throw new ConfigSyntaxError("the top level is not a mapping of keys to values");
  }
  return doc;
}

/**
 * The value of `telemetry.enabled` in a config text: `true`, `false`, or
 * `undefined` when the file holds no boolean choice. Throws
 * `ConfigSyntaxError` when the text is not valid YAML.
 *
 * @example
 * ```ts
 * import { readTelemetryChoice } from "./config_text.ts";
 * readTelemetryChoice("telemetry:\n  enabled: false # opted out\n"); // false
 * readTelemetryChoice("profiles: {}\n"); // undefined
 * ```
 */
export function readTelemetryChoice(text: string): boolean | undefined {
  const value = parse(text).getIn(["telemetry", "enabled"]);
  return typeof value === "boolean" ? value : undefined;
}

function childIndent(text: string, map: YAMLMap, parentIndent: number): string {
  const first = map.items[0]?.key as Scalar | undefined;
  if (first?.range) {
    const lineStart = text.lastIndexOf("\n", first.range[0] - 1) + 1;
    return " ".repeat(first.range[0] - lineStart);
  }
  return " ".repeat(parentIndent + 2);
}

function ensureNewline(text: string): string {
  return text === "" || text.endsWith("\n") ? text : text + "\n";
}

/**
 * Sets `telemetry.enabled` in a config text and returns the new text. Only
 * the value's characters change when the key exists; otherwise one line is
 * added under `telemetry:`, or a `telemetry:` block at the end. Throws
 * `ConfigSyntaxError` when the text is not valid YAML.
 *
 * @example
 * ```ts
 * import { setTelemetryChoice } from "./config_text.ts";
 * setTelemetryChoice("# mine\ntelemetry:\n  enabled: true  # yes\n", false);
 * // "# mine\ntelemetry:\n  enabled: false  # yes\n"
 * ```
 */
export function setTelemetryChoice(text: string, enabled: boolean): string {
  const doc = parse(text);
  const word = String(enabled);
  const root = doc.contents as YAMLMap | null;
  const telemetryPair = root?.items.find((p) => isScalar(p.key) && p.key.value === "telemetry");
  if (!telemetryPair) {
    return `${ensureNewline(text)}telemetry:\n  enabled: ${word}\n`;
  }
  const telemetry = telemetryPair.value;
  const key = telemetryPair.key as Scalar;
  if (isMap(telemetry)) {
    const enabledPair = telemetry.items.find((p) => isScalar(p.key) && p.key.value === "enabled");
    const value = enabledPair?.value;
    if (isScalar(value) && value.range) {
      return text.slice(0, value.range[0]) + word + text.slice(value.range[1]);
    }
    if (telemetry.flow || enabledPair) {
      doc.setIn(["telemetry", "enabled"], enabled);
      return doc.toString();
    }
    const keyLineStart = text.lastIndexOf("\n", key.range![0] - 1) + 1;
    const indent = childIndent(text, telemetry, key.range![0] - keyLineStart);
    const afterKeyLine = text.indexOf("\n", key.range![0]);
    if (afterKeyLine === -1) return `${text}\n${indent}enabled: ${word}\n`;
    return `${text.slice(0, afterKeyLine + 1)}${indent}enabled: ${word}\n${
      text.slice(afterKeyLine + 1)
    }`;
  }
  if (telemetry === null || (isScalar(telemetry) && telemetry.value === null)) {
    const keyLineStart = text.lastIndexOf("\n", key.range![0] - 1) + 1;
    const indent = " ".repeat(key.range![0] - keyLineStart + 2);
    const lineEnd = text.indexOf("\n", key.range![0]);
    const head = lineEnd === -1 ? text : text.slice(0, lineEnd);
    const tail = lineEnd === -1 ? "" : text.slice(lineEnd + 1);
    const nullValue = isScalar(telemetry) && telemetry.range && telemetry.range[1] <= head.length
      ? telemetry
      : undefined;
    const cleanHead = nullValue
      ? head.slice(0, nullValue.range![0]).replace(/\s+$/, "") + head.slice(nullValue.range![1])
      : head;
    return `${cleanHead}\n${indent}enabled: ${word}\n${tail}`;
  }
  doc.setIn(["telemetry"], { enabled });
  return doc.toString();
}
