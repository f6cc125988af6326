import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { prefs } from './state/prefs.svelte.ts';
import { formatMonth } from './i18n/format.ts';
import { later } from './ui/shell/later.ts';

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');
// The messages of the person's language first (a small chunk), then the page.
// If the chunk cannot load, the page still opens (messages show their keys rather than nothing).
void prefs
  .init()
  .catch(() => undefined)
  .then(() => {
    // The month formatter (Intl.DateTimeFormat, some milliseconds to build the first time) is made
    // in a task of its own before the parts drawn later ask for it: charts and break-even months.
    later(() => formatMonth(prefs.lang, '2026-01', 0));
    mount(App, { target });
  });
