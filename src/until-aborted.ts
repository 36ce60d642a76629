/**
 * The work's result, or undefined as soon as the signal aborts, whichever
 * comes first. After an abort the work's own failure no longer matters:
 * the run reports what it knew when it was cancelled.
 */
export async function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T | undefined> {
  // Handled first, so that work failing after an abort is never an unhandled rejection.
  const settled = work.catch((error: unknown) => {
    if (!signal.aborted) throw error
    return undefined
  })
  if (signal.aborted) return undefined
  let onAbort = (): void => {}
  const aborted = new Promise<undefined>((resolve) => {
    onAbort = () => resolve(undefined)
    signal.addEventListener('abort', onAbort, { once: true })
  })
  try {
    return await Promise.race([settled, aborted])
  } finally {
    signal.removeEventListener('abort', onAbort)
  }
}
