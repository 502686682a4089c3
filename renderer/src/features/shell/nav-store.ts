import { create } from 'zustand';

export const sections = ['shoots', 'clients', 'orders', 'retouch', 'delivery', 'settings'] as const;
export type Section = (typeof sections)[number];

interface NavState {
  section: Section;
  go(section: Section): void;
}

function fromHash(): Section {
  const name = window.location.hash.replace(/^#\/?/, '');
  return (sections as readonly string[]).includes(name) ? (name as Section) : 'shoots';
}

/** The section lives in the URL hash so a reload (browser host) keeps the place. */
export const useNav = create<NavState>((set) => ({
  section: fromHash(),
  go(section) {
    if (window.location.hash !== `#/${section}`) history.replaceState(null, '', `#/${section}`);
    set({ section });
  },
}));
