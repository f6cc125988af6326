import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { prefs } from './state/prefs.svelte.ts';

prefs.apply();
const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');
mount(App, { target });
