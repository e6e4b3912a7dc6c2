/**
 * The copy button of a code block. The docs script (client/copy.ts) copies the text of the
 * block's `pre`, so the code is not shipped twice in the page.
 */
export function CopyButton() {
  return (
    <button type="button" className="copy-button" data-state="idle" aria-label="Copy code">
      <svg
        viewBox="0 0 24 24"
        width="14"
        height="14"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
      >
        <g className="copy-icon-idle">
          <rect x="9" y="9" width="12" height="12" rx="2" />
          <path d="M5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1" />
        </g>
        <path className="copy-icon-done" d="M20 6 9 17l-5-5" />
      </svg>
      <span className="copy-label">Copy</span>
    </button>
  )
}
