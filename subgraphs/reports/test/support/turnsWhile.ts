/** Turns of the event loop completed while `pending` is unsettled (each a full trip through the loop). */
export async function turnsWhile(pending: Promise<unknown>): Promise<number> {
  let settled = false;
  void pending.then(
    () => (settled = true),
    () => (settled = true),
  );
  let turns = 0;
  while (!settled) {
    await new Promise((resolve) => setImmediate(resolve));
    if (!settled) turns++;
  }
  return turns;
}
