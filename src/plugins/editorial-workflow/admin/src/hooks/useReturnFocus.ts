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
    // Wait for the dialog to unmount and the panel to re-render.
    window.setTimeout(() => {
      const target =
        element && element.isConnected && !(element as HTMLButtonElement).disabled
          ? element
          : key
            ? document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`)
            : null;
      (target ?? document.querySelector<HTMLElement>('[data-testid="editorial-workflow-panel"] [data-focus-key]'))?.focus();
    }, 50);
  }, []);

  return { remember, restore };
};
