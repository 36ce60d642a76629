/** The error a call fails with; the test fails if it succeeds. */
export async function failureOf(call: Promise<unknown>): Promise<Error> {
  try {
    await call
  } catch (error) {
    return error as Error
  }
  throw new Error('expected the call to fail')
}
