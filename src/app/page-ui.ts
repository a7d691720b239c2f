/** Page-only UI state of the shell: whether the shortcut overlay is open. */
import { create } from 'zustand';

interface PageUi {
  shortcutsOpen: boolean;
  setShortcutsOpen(open: boolean): void;
}

export const usePageUi = create<PageUi>()((set) => ({
  shortcutsOpen: false,
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
}));
