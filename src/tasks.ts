/**
 * Names of the tasks in a job's results. The workflow designer keys each
 * task by its kind and a number it appends (`sfw_1548213592151`); the kind
 * is what tells how to read the task's data.
 */

const DESIGNER_SUFFIX = /^(.+)_\d+$/

/** The task's kind: its key without the designer's `_<digits>` suffix. */
export function taskName(key: string): string {
  return DESIGNER_SUFFIX.exec(key)?.[1] ?? key
}

/** The task's payload: the `data` field when there is one. */
function taskData(value: unknown): unknown {
  const isObject = typeof value === 'object' && value !== null
  if (isObject && Object.hasOwn(value, 'data')) {
    return (value as { data: unknown }).data
  }
  return value
}

/**
 * A name not yet used: the stripped one if free, else the full key, else
 * the full key numbered (only when keys and stripped names overlap).
 */
function freeName(used: Map<string, unknown>, key: string): string {
  const stripped = taskName(key)
  if (!used.has(stripped)) return stripped

  let name = key
  for (let n = 2; used.has(name); n++) name = `${key} (${n})`
  return name
}

/**
 * Each task's data under its stripped name. When two keys strip to the same
 * name, the first keeps it and the later ones keep their full keys.
 */
export function tasksByName(
  results: Record<string, unknown> | undefined
): Record<string, unknown> {
  const named = new Map<string, unknown>()
  for (const [key, value] of Object.entries(results ?? {})) {
    named.set(freeName(named, key), taskData(value))
  }
  // fromEntries defines own properties, so a key such as `__proto__` from
  // the response stays plain data.
  return Object.fromEntries(named)
}
