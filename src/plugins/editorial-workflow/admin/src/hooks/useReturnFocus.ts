import * as React from 'react';

/**
 * Remembers the control that opened a dialog and gives focus back to it when
 * the dialog closes (after an action the panel re-renders: the opener may have
 * been replaced, so it is found again by its `data-focus-key`).
 */
export const useReturnFocus = () => {
  const opener = React.useRef<{ element: HTMLElement | null; key: string | null }>({ element: null, key: null });

  const remember = React.useCallback(() => {
    const element = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    opener.current = { element, key: element?.getAttribute('data-focus-key') ?? null };
  }, []);

  const restore = React.useCallback(() => {
    const { element, key } = opener.current;
    const target = () =>
      (element && element.isConnected && !(element as HTMLButtonElement).disabled
        ? element
        : key
          ? document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`)
          : null) ??
      document.querySelector<HTMLElement>('[data-testid="editorial-workflow-panel"] [data-focus-key]') ??
      document.querySelector<HTMLElement>('[data-testid="editorial-workflow-panel"]');
    // The dialog unmounts first, then the panel re-renders when the refetched
    // status arrives (an action can remove the very button that opened the
    // dialog): keep focus in the panel until it has settled, never on the body.
    const lost = () => !document.activeElement || document.activeElement === document.body || !document.activeElement.isConnected;
    [50, 400, 1200, 2500].forEach((delay, index) =>
      window.setTimeout(() => {
        if (index === 0 || lost()) target()?.focus();
      }, delay),
    );
  }, []);

  return { remember, restore };
};
