// Pure helpers (no DOM) for the problems the API lists with BAD_USER_INPUT, so pages can place them.

/**
 * A problem's field as a dotted path without the argument name: `input.evidence[0].url` and
 * `input.evidence.0.url` both become `evidence.0.url`; `email` stays `email`.
 */
export function problemPath(field: string, argument = 'input'): string {
  const dotted = field.replace(/\[(\d+)\]/g, '.$1');
  return dotted.startsWith(`${argument}.`) ? dotted.slice(argument.length + 1) : dotted;
}

/** Problems grouped by the key a page gives them (null: not about one field), in the order they came. */
export function groupProblems<P extends { field: string }>(
  problems: readonly P[],
  keyOf: (field: string) => string | null,
): Map<string | null, P[]> {
  const grouped = new Map<string | null, P[]>();
  for (const problem of problems) {
    const key = keyOf(problem.field);
    grouped.set(key, [...(grouped.get(key) ?? []), problem]);
  }
  return grouped;
}

/**
 * Which of a form's keys a problem path belongs to: the first key equal to the path or a prefix of it
 * (`evidence` takes `evidence.0.url`); list a broader key after narrower ones it would otherwise take.
 */
export function problemKey(path: string, keys: readonly string[]): string | null {
  return keys.find((key) => path === key || path.startsWith(`${key}.`)) ?? null;
}
