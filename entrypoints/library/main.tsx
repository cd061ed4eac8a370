/**
 * The library page (`library.html`, an unlisted extension page): wiring only. The
 * archive opens in this page's own origin, the extension's, so it is the same database
 * the background writes; the views live in components/library.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { LibraryApp } from '@/components/library/LibraryApp';
import { windowRouter } from '@/components/library/router';
import { t } from '@/lib/i18n';
import { openRepo } from '@/lib/store';

const locale = browser.i18n.getUILanguage();
document.documentElement.lang = locale;
document.documentElement.dir = t('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
document.title = `${t('libraryTitle')} – ${t('extName')}`;

const root = document.getElementById('app');
if (root) render(<LibraryApp repo={openRepo()} t={t} locale={locale} router={windowRouter(window)} />, root);
