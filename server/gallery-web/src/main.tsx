// The client gallery page, served by the hosted API at /g/<slug>.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n } from './i18n/i18n';
import { slugOf } from './state/route';
import { initialLanguage } from './ui/use-language';
import './styles/base.css';
import './styles/door.css';
import './styles/gallery.css';
import './styles/viewer.css';
import './styles/drawer.css';
import './styles/pages.css';

const language = initialLanguage();
initI18n(language);
document.documentElement.lang = language;

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App slug={slugOf(window.location.pathname)} />
    </StrictMode>,
  );
}
