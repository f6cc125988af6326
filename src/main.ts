import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { prefs } from './state/prefs.svelte.ts';

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');
// The messages of the person's language first (a small chunk), then the page.
// If the chunk cannot load, the page still opens (messages show their keys rather than nothing).
void prefs
  .init()
  .catch(() => undefined)
  .then(() => mount(App, { target }));
