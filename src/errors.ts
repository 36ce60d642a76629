/** An input is missing, malformed or contradicts another; nothing was sent. */
export class InputError extends Error {
  readonly input: string

  constructor(input: string, message: string) {
    super(`Input '${input}': ${message}`)
    this.name = 'InputError'
    this.input = input
  }
}

/** Filestack answered with an error that retrying will not fix. */
export class FilestackError extends Error {
  readonly statusCode?: number

  constructor(message: string, statusCode?: number, cause?: unknown) {
    super(message, { cause })
    this.name = 'FilestackError'
    this.statusCode = statusCode
  }
}

/** A request kept failing in ways worth retrying until attempts or time ran out. */
export class RetriesExhaustedError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause })
    this.name = 'RetriesExhaustedError'
  }
}

/** The run was cancelled by a signal from the runner. */
export class CancelledError extends Error {
  constructor(signal: string) {
    super(`Cancelled by ${signal}`)
    this.name = 'CancelledError'
  }
}

/** The message of anything thrown, without a stack. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
