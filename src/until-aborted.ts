/**
 * The work's result, or undefined as soon as the signal aborts, whichever
 * comes first. After an abort the work's own failure no longer matters:
 * the run reports what it knew when it was cancelled.
 */
export async function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T | undefined> {
  if (signal.aborted) return undefined
  let onAbort = (): void => {}
  const aborted = new Promise<undefined>((resolve) => {
    onAbort = () => resolve(undefined)
    signal.addEventListener('abort', onAbort, { once: true })
  })
  const settled = work.catch((error: unknown) => {
    if (!signal.aborted) throw error
    return undefined
  })
  try {
    return await Promise.race([settled, aborted])
  } finally {
    signal.removeEventListener('abort', onAbort)
  }
}
