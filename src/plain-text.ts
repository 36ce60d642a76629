const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g

/**
 * Text from Filestack made safe for one log line: control characters and
 * line breaks become spaces (a line of its own could be read by the runner
 * as a workflow command) and it is cut at `max` characters, never inside
 * a character.
 */
export function plainText(text: string, max = 300): string {
  const flat = [...text.replace(CONTROL, ' ').trim()]
  return flat.length > max ? `${flat.slice(0, max).join('')}…` : flat.join('')
}

/** Characters JSON leaves as they are that would still break or disguise a line. */
const INVISIBLE = /[\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g

/**
 * A value quoted for a message, with every control or line-separating
 * character escaped and at most `max` characters of it shown.
 */
export function quote(text: string, max = 80): string {
  const shown = [...text].slice(0, max).join('')
  const json = JSON.stringify(shown).replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  return shown.length < text.length ? `${json}…` : json
}
