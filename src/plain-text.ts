const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g

/**
 * Text from Filestack made safe for one log line: control characters and
 * line breaks become spaces (a line of its own could be read by the runner
 * as a workflow command) and it is cut at `max` characters.
 */
export function plainText(text: string, max = 300): string {
  const flat = text.replace(CONTROL, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max)}…` : flat
}
