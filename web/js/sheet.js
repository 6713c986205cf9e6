// A modal sheet sliding up from the bottom of the phone: focus moves into it and stays there (Tab wraps around),
// Escape or the caller closes it, and focus goes back to where it was.
import { h } from './ui.js';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Opens a sheet with `children`, labelled by the element id `labelledBy` (its heading, which gets focus first)
 * and described by `describedBy` if given. `onEscape` runs when the creator presses Escape (leave it out to ignore
 * Escape). Focus goes back to `returnTo` on close (default: what had focus; pass the opening button when it is
 * disabled while the sheet loads). Returns `close()`.
 */
export function openSheet({ id, labelledBy, describedBy, onEscape, returnTo = document.activeElement }, ...children) {
  const sheet = h('div', { class: 'sheet', id, role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': labelledBy,
    'aria-describedby': describedBy }, ...children);
  const backdrop = h('div', { class: 'sheet-backdrop' }, sheet);

  sheet.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && onEscape) {
      event.preventDefault();
      onEscape();
    } else if (event.key === 'Tab') {
      const focusable = [...sheet.querySelectorAll(FOCUSABLE)].filter((element) => !element.closest('[hidden]'));
      if (!focusable.length) return;
      const [first, last] = [focusable[0], focusable[focusable.length - 1]];
      if (event.shiftKey && (document.activeElement === first || !sheet.contains(document.activeElement))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    }
  });

  document.body.append(backdrop);
  document.body.classList.add('sheet-open');
  const heading = document.getElementById(labelledBy);
  heading?.setAttribute('tabindex', '-1');
  (heading ?? sheet).focus();

  return function close() {
    if (!backdrop.isConnected) return;
    backdrop.remove();
    document.body.classList.remove('sheet-open');
    if (returnTo?.isConnected) returnTo.focus();
  };
}
