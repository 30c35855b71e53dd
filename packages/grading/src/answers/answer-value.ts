/**
 * An answer file's content as plain data: maps are `Map`s (so a `__proto__` key is just a key),
 * scalars keep their YAML type.
 */
export type AnswerValue =
  | { readonly type: "map"; readonly entries: ReadonlyMap<string, AnswerValue> }
  | { readonly type: "list"; readonly items: readonly AnswerValue[] }
  | { readonly type: "string"; readonly value: string }
  | { readonly type: "number"; readonly value: number }
  | { readonly type: "boolean"; readonly value: boolean }
  | { readonly type: "null" };

/** What a value is, for messages such as "expected a list, found a number". */
export function describeValue(value: AnswerValue): string {
  switch (value.type) {
    case "map":
      return "a mapping";
    case "list":
      return "a list";
    case "string":
      return "text";
    case "number":
      return "a number";
    case "boolean":
      return "yes/no";
    case "null":
      return "nothing";
  }
}
