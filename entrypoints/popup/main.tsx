import { render } from 'preact';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { Popup } from './Popup';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('extName');

const root = document.getElementById('app');
if (root) render(<Popup />, root);
