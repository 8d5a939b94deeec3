/*
 * Wrappers for vi.mock factories: the real function, with every answer it gives pushed to a list, so a test can check
 * that what the code under test was handed (a key, a shared secret) was zeroed once it was done with it.
 */

export const recording =
  <A extends unknown[], R>(run: (...args: A) => R, into: R[]) =>
  (...args: A): R => {
    const answer = run(...args)
    into.push(answer)
    return answer
  }

/** The same for an async function: its resolved answers. */
export const recordingAsync =
  <A extends unknown[], R>(run: (...args: A) => Promise<R>, into: R[]) =>
  async (...args: A): Promise<R> => {
    const answer = await run(...args)
    into.push(answer)
    return answer
  }
