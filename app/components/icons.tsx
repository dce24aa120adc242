/** Small inline icons (decorative: the buttons carry the accessible names). */
const common = {
  width: 16,
  height: 16,
  viewBox: "0 0 16 16",
  fill: "none",
  stroke: "currentColor",
  strokeWidth: 1.6,
  strokeLinecap: "round",
  strokeLinejoin: "round",
  "aria-hidden": true,
  focusable: false,
} as const;

export const ArrowUpIcon = () => (
  <svg {...common}>
    <path d="M8 13V3M3.5 7.5 8 3l4.5 4.5" />
  </svg>
);

export const ArrowDownIcon = () => (
  <svg {...common}>
    <path d="M8 3v10M3.5 8.5 8 13l4.5-4.5" />
  </svg>
);

export const TrashIcon = () => (
  <svg {...common}>
    <path d="M2.5 4h11M6.5 4V2.5h3V4M4 4l.7 9.5h6.6L12 4M6.7 6.5v4.5M9.3 6.5v4.5" />
  </svg>
);

export const PlusIcon = () => (
  <svg {...common}>
    <path d="M8 3v10M3 8h10" />
  </svg>
);

export const UndoIcon = () => (
  <svg {...common}>
    <path d="M5.5 3 2.5 6l3 3M2.5 6h7a4 4 0 0 1 0 8H7" />
  </svg>
);

export const RedoIcon = () => (
  <svg {...common}>
    <path d="M10.5 3l3 3-3 3M13.5 6h-7a4 4 0 0 0 0 8H9" />
  </svg>
);

export const LockIcon = () => (
  <svg {...common}>
    <path d="M4 7.5h8v6H4zM5.5 7.5V5a2.5 2.5 0 0 1 5 0v2.5" />
  </svg>
);

export const CommentIcon = () => (
  <svg {...common}>
    <path d="M2.5 3.5h11v7.5H7L4 13.5V11H2.5z" />
  </svg>
);
