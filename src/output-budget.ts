/**
 * The runner counts output sizes as UTF-16 and allows 1 MB for all of a
 * job's outputs together; `results` and `jobs` each get a share well
 * below that, so other steps' outputs still fit beside them.
 */
export const OUTPUT_BUDGET = 256 * 1024

/** Approximate size the runner counts for a string (UTF-16). */
export function outputSize(text: string): number {
  return text.length * 2
}

/**
 * JSON for an array, with as many items as fit in the budget. When some
 * are left out, a last item says how many and where the rest is:
 * `{"truncated": true, "omitted": N, "resultsFile": "…"}`.
 */
export function fitArray(items: unknown[], resultsFile: string, budget = OUTPUT_BUDGET): string {
  const full = JSON.stringify(items)
  if (outputSize(full) <= budget) return full

  const kept: string[] = []
  let size = outputSize('[]') + outputSize(marker(items.length, resultsFile))
  for (const item of items) {
    const text = JSON.stringify(item)
    if (size + outputSize(text) + 2 > budget) break
    kept.push(text)
    size += outputSize(text) + 2
  }
  kept.push(marker(items.length - kept.length, resultsFile))
  return `[${kept.join(',')}]`
}

/**
 * JSON for an object, with as many entries as fit. When some are left
 * out, the key `"…truncated"` says how many and where the rest is.
 */
export function fitObject(
  entries: Array<[string, unknown]>,
  resultsFile: string,
  budget = OUTPUT_BUDGET
): string {
  const full = JSON.stringify(Object.fromEntries(entries))
  if (outputSize(full) <= budget) return full

  const kept: string[] = []
  let size = outputSize('{}') + outputSize(marker(entries.length, resultsFile)) + 40
  for (const [key, value] of entries) {
    const text = `${JSON.stringify(key)}:${JSON.stringify(value ?? null)}`
    if (size + outputSize(text) + 2 > budget) break
    kept.push(text)
    size += outputSize(text) + 2
  }
  const note = marker(entries.length - kept.length, resultsFile)
  kept.push(`${JSON.stringify(TRUNCATED_KEY)}:${note}`)
  return `{${kept.join(',')}}`
}

export const TRUNCATED_KEY = '…truncated'

function marker(omitted: number, resultsFile: string): string {
  return JSON.stringify({ truncated: true, omitted, resultsFile })
}
