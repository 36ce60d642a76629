import * as core from '@actions/core'

const LINE_BREAKS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g

/**
 * Writes one line to the log. Names of files and text from Filestack can
 * hold line breaks, or start with `::`, and the runner reads any line that
 * starts with `::` (after spaces) as a workflow command: the line is
 * flattened, and one that would start with `::` is marked so it cannot.
 */
export function logLine(text: string): void {
  const flat = text.replace(LINE_BREAKS, ' ')
  core.info(flat.trimStart().startsWith('::') ? `» ${flat}` : flat)
}
