/**
 * The card's stylesheet, inside our shadow root: the page's CSS cannot reach it and
 * it cannot reach the page. Follows the system colour scheme (the card is ours, not
 * part of the page); the top border repeats the highlight colour of the entity's kind.
 */
export const CARD_CSS = `
:host { all: initial; }
.card {
  position: fixed; box-sizing: border-box; z-index: 1;
  width: min(22rem, calc(100vw - 16px)); max-height: calc(100vh - 16px); overflow: auto;
  padding: 10px 12px 12px;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  color: #1f2328; background: #ffffff;
  border: 1px solid #d0d7de; border-top: 3px solid #1d4ed8; border-radius: 8px;
  box-shadow: 0 8px 24px rgb(0 0 0 / 0.18);
  text-align: left; direction: ltr;
}
.card.figure { border-top-color: #b45309; }
.card:focus { outline: none; }
header { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
.kind { font-size: 12px; font-weight: 600; letter-spacing: 0.04em; text-transform: uppercase; opacity: 0.8; }
.close {
  border: 0; background: transparent; color: inherit; cursor: pointer;
  font: inherit; font-size: 20px; line-height: 1; padding: 0 6px; border-radius: 4px;
}
.quote { margin: 4px 0 8px; font-weight: 600; overflow-wrap: anywhere; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
.field { display: contents; }
dt { opacity: 0.75; }
dd { margin: 0; overflow-wrap: anywhere; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 10px; }
.actions button, .actions a {
  font: inherit; font-size: 13px; line-height: 1.3; padding: 4px 10px; border-radius: 6px;
  border: 1px solid #8c959f; background: #f6f8fa; color: inherit; cursor: pointer; text-decoration: none;
}
.actions .copy { background: #1d4ed8; border-color: #1d4ed8; color: #ffffff; }
.actions [aria-disabled="true"] { opacity: 0.55; cursor: not-allowed; }
.status { margin: 6px 0 0; font-size: 13px; }
.status:empty { display: none; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}
:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .card { color: #e6edf3; background: #161b22; border-color: #30363d; border-top-color: #93c5fd; }
  .card.figure { border-top-color: #fcd34d; }
  .actions button, .actions a { background: #21262d; border-color: #6e7681; }
  .actions .copy { background: #2563eb; border-color: #2563eb; }
  :focus-visible { outline-color: #93c5fd; }
}
`;
