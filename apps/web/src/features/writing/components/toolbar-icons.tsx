/** The toolbar's marks as SVG: fonts without emoji or these signs show nothing for text ones. */
const frame = { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': true } as const;
const stroke = {
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.6,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const;

export const ICONS = {
  bold: (
    <svg {...frame}>
      <path
        {...stroke}
        strokeWidth={2}
        d="M4.5 2.5h4.2a2.8 2.8 0 0 1 0 5.6H4.5zM4.5 8.1h5a2.7 2.7 0 0 1 0 5.4h-5z"
      />
    </svg>
  ),
  italic: (
    <svg {...frame}>
      <path {...stroke} d="M6.5 2.5h6M3.5 13.5h6M9.8 2.5 6.2 13.5" />
    </svg>
  ),
  heading: (
    <svg {...frame}>
      <path {...stroke} strokeWidth={1.9} d="M3 2.5v11M11 2.5v11M3 8h8" />
    </svg>
  ),
  link: (
    <svg {...frame}>
      <path
        {...stroke}
        d="M6.8 9.2a3 3 0 0 0 4.3 0l2-2a3 3 0 0 0-4.3-4.3l-.9.9M9.2 6.8a3 3 0 0 0-4.3 0l-2 2a3 3 0 0 0 4.3 4.3l.9-.9"
      />
    </svg>
  ),
  quote: (
    <svg {...frame}>
      <path
        fill="currentColor"
        d="M2.5 9.5C2.5 6 4 4 6.6 3.3l.4 1C5.4 5 4.8 6 4.8 7.2H7v5H2.5zm6.5 0C9 6 10.5 4 13.1 3.3l.4 1C11.9 5 11.3 6 11.3 7.2h2.2v5H9z"
      />
    </svg>
  ),
  code: (
    <svg {...frame}>
      <path {...stroke} d="M5.5 4 1.8 8l3.7 4M10.5 4l3.7 4-3.7 4" />
    </svg>
  ),
  bullet: (
    <svg {...frame}>
      <circle cx="2.6" cy="4" r="1.2" fill="currentColor" />
      <circle cx="2.6" cy="8" r="1.2" fill="currentColor" />
      <circle cx="2.6" cy="12" r="1.2" fill="currentColor" />
      <path {...stroke} d="M6 4h8M6 8h8M6 12h8" />
    </svg>
  ),
  ordered: (
    <svg {...frame}>
      <text x="0.5" y="6.2" fontSize="5.5" fill="currentColor" fontFamily="sans-serif">
        1
      </text>
      <text x="0.5" y="13.4" fontSize="5.5" fill="currentColor" fontFamily="sans-serif">
        2
      </text>
      <path {...stroke} d="M6 4.5h8M6 11.5h8" />
    </svg>
  ),
  image: (
    <svg {...frame}>
      <rect {...stroke} x="1.8" y="2.8" width="12.4" height="10.4" rx="1.5" />
      <circle cx="5.5" cy="6.3" r="1.3" fill="currentColor" />
      <path {...stroke} d="m2.5 12 3.8-3.6 2.4 2.2 2.2-1.9 3 2.8" />
    </svg>
  ),
};
