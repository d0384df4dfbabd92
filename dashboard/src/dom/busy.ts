/** Disables a button while `task` runs and shows `busyLabel` on it; restores it afterwards. */
export async function whileBusy<T>(button: HTMLButtonElement, busyLabel: string, task: () => Promise<T>): Promise<T> {
  const label = button.textContent;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  button.textContent = busyLabel;
  try {
    return await task();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    button.textContent = label;
  }
}
