/**
 * Resolves when the work is done or the signal aborts, whichever comes
 * first. After an abort the work's own failure no longer matters: the run
 * reports what it knew when it was cancelled.
 */
export async function untilAborted(work: Promise<unknown>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return
  let onAbort = (): void => {}
  const aborted = new Promise<void>((resolve) => {
    onAbort = resolve
    signal.addEventListener('abort', onAbort, { once: true })
  })
  const settled = work.then(
    () => undefined,
    (error: unknown) => {
      if (!signal.aborted) throw error
    }
  )
  try {
    await Promise.race([settled, aborted])
  } finally {
    signal.removeEventListener('abort', onAbort)
  }
}
