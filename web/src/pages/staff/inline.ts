import { ApiError } from '../../apiError';
import { h } from '../../dom';
import { describeStaffError, type StaffErrorContext } from '../../errors';
import { showError, type View } from '../../view';

/**
 * A message next to the form or table row it is about: the staff area's errors are shown where
 * they happened, not in the page's notice. Only a refused token (401) goes to the page, which
 * also shows the session as signed out.
 */
export interface InlineMessage {
  element: HTMLElement;
  say(text: string, kind?: 'error' | 'success'): void;
  fail(error: unknown, context: StaffErrorContext): void;
  clear(): void;
}

/** `frame`, when given, is shown and hidden with the message (a table row around it). */
export function inlineMessage(view: View, frame?: HTMLElement): InlineMessage {
  const element = h('p', { class: 'inline-message', hidden: true });
  const setVisible = (visible: boolean) => {
    element.hidden = !visible;
    if (frame) frame.hidden = !visible;
  };
  if (frame) frame.hidden = true;
  const message: InlineMessage = {
    element,
    say(text, kind = 'success') {
      element.className = `inline-message ${kind}`;
      element.setAttribute('role', kind === 'error' ? 'alert' : 'status');
      element.textContent = text;
      setVisible(true);
    },
    fail(error, context) {
      if (error instanceof ApiError && error.status === 401) {
        message.clear();
        showError(view, error);
        return;
      }
      message.say(describeStaffError(error, context), 'error');
    },
    clear() {
      element.textContent = '';
      element.removeAttribute('role');
      setVisible(false);
    },
  };
  return message;
}

type Control = HTMLButtonElement | HTMLInputElement | HTMLSelectElement;

/** Runs one request with `controls` disabled meanwhile, so a second click cannot send it twice. */
export async function whileBusy(controls: readonly Control[], run: () => Promise<void>): Promise<void> {
  for (const control of controls) control.disabled = true;
  try {
    await run();
  } finally {
    for (const control of controls) control.disabled = false;
  }
}

/** A visible label around its input, as the comment form does. */
export function field(label: string, input: HTMLElement): HTMLElement {
  return h('label', {}, h('span', {}, label), input);
}

/** A whole number typed in a number input, or null when it is empty or not whole. */
export function wholeNumber(input: HTMLInputElement): number | null {
  if (input.value.trim() === '') return null;
  const value = input.valueAsNumber;
  return Number.isSafeInteger(value) ? value : null;
}
