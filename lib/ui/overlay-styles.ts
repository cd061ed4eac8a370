/**
 * Styles of the small pieces of our in-page UI other than the card (which has its own
 * stylesheet, loaded with it), in our shadow root, following the system colour scheme
 * like the card: the button beside a selection (shipped in the content script), and
 * the "saved" toast and the clippings notice (shipped with them in the lazily loaded
 * clippings script, entrypoints/clippings.ts).
 */
export const SELECTION_CSS = `
:host { all: initial; }
.clip-button {
  position: fixed; box-sizing: border-box; z-index: 2;
  font: 600 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  display: inline-flex; align-items: center; gap: 4px; padding: 3px 10px; cursor: pointer;
  color: #14532d; background: #f0fdf4; border: 1px solid #15803d; border-radius: 8px;
  box-shadow: 0 6px 18px rgb(0 0 0 / 0.18);
}
.clip-button:hover { background: #dcfce7; }
.clip-button[hidden] { display: none; }
:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .clip-button { color: #bbf7d0; background: #052e16; border-color: #4ade80; }
  .clip-button:hover { background: #14532d; }
  :focus-visible { outline-color: #93c5fd; }
}
`;

export const MESSAGE_CSS = `
.toast, .notice {
  position: fixed; box-sizing: border-box; z-index: 2; bottom: 16px; width: min(24rem, calc(100vw - 32px)); padding: 10px 12px;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  color: #1f2328; background: #ffffff; border: 1px solid #8c959f; border-radius: 8px;
  box-shadow: 0 6px 18px rgb(0 0 0 / 0.18); text-align: left; direction: ltr;
}
.toast { right: 16px; border-left: 4px solid #15803d; }
.toast.error { border-left-color: #b91c1c; }
.notice { left: 16px; border-left: 4px solid #b45309; }
.toast[hidden], .notice[hidden], form[hidden], button[hidden] { display: none; }
.title { margin: 0 0 4px; font-weight: 600; }
.toast .quote {
  margin: 0 0 6px; opacity: 0.85; overflow: hidden; display: -webkit-box; -webkit-line-clamp: 2;
  -webkit-box-orient: vertical; overflow-wrap: anywhere;
}
.actions { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.actions button {
  font: inherit; line-height: 1.3; padding: 3px 10px; border-radius: 6px; cursor: pointer;
  border: 1px solid #8c959f; background: #f6f8fa; color: inherit;
}
.actions .close { margin-left: auto; border: 0; background: transparent; font-size: 18px; line-height: 1; padding: 0 6px; }
form { margin-top: 8px; display: grid; gap: 6px; }
form label { display: grid; gap: 2px; }
textarea {
  font: inherit; color: inherit; background: transparent; resize: vertical; min-height: 3.5em;
  border: 1px solid #8c959f; border-radius: 6px; padding: 4px 6px;
}
.status:empty { display: none; }
.status { margin: 4px 0 0; }
.notice p { margin: 0 0 4px; }
.notice ul { margin: 2px 0 6px; padding-left: 1.2em; }
.notice li { overflow-wrap: anywhere; }
.notice .before { text-decoration: line-through; opacity: 0.8; }
@media (prefers-color-scheme: dark) {
  .toast, .notice { color: #e6edf3; background: #161b22; border-color: #6e7681; }
  .toast { border-left-color: #4ade80; }
  .toast.error { border-left-color: #f87171; }
  .notice { border-left-color: #fcd34d; }
  .actions button { background: #21262d; border-color: #6e7681; }
  textarea { border-color: #6e7681; }
}
`;
