import * as core from '@actions/core'
import { plainText } from './plain-text.js'

/** A log line longer than this is cut: text from Filestack could be any length. */
const MAX_LINE = 2000

/**
 * Writes one line to the log. Names of files and text from Filestack can
 * hold line breaks or command syntax, and the runner reads a line that
 * starts with `::` (after spaces) as a workflow command, and `##[` anywhere
 * in a line as one of the older form. The line is flattened, `##[` is
 * broken up, and a line that would start with `::` is marked so it cannot.
 */
export function logLine(text: string): void {
  const line = plainText(text, MAX_LINE).replace(/##\[/g, '## [')
  core.info(line.startsWith('::') ? `» ${line}` : line)
}
