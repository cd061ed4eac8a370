import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Trích Lục',
    browser_specific_settings: { gecko: { id: 'trich-luc@trichluc.local' } },
  },
});
