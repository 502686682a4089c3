// Line icons for the navigation (24×24, stroke = currentColor).
const paths: Record<string, string> = {
  shoots: 'M4 7h3l2-3h6l2 3h3v12H4z M12 10a3.5 3.5 0 1 0 0 7a3.5 3.5 0 1 0 0-7',
  clients: 'M9 11a4 4 0 1 0 0-8a4 4 0 1 0 0 8 M2 21c0-4 3-6 7-6s7 2 7 6 M17 11a3 3 0 1 0 0-6 M22 20c0-3-2-5-5-5',
  orders: 'M6 3h12v18l-3-2-3 2-3-2-3 2z M9 8h6 M9 12h6',
  retouch: 'M4 20l4-1 11-11-3-3L5 16z M14 6l3 3',
  delivery: 'M12 3v12 M7 10l5 5 5-5 M4 19h16',
  settings:
    'M12 15a3 3 0 1 0 0-6a3 3 0 1 0 0 6 M19 12l2-1-1-3-2 .5-1.5-1.5.5-2-3-1-1 2h-2l-1-2-3 1 .5 2L6 7.5 4 7l-1 3 2 1v2l-2 1 1 3 2-.5 1.5 1.5-.5 2 3 1 1-2h2l1 2 3-1-.5-2 1.5-1.5 2 .5 1-3-2-1z',
  library: 'M4 4h5v16H4z M10 4h5v16h-5z M16 5l4 1-3 14-4-1',
};

export function Icon({ name, size = 20 }: { name: keyof typeof paths | string; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={paths[name] ?? ''} />
    </svg>
  );
}
