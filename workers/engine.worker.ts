// Glue only: exposes the pure engine API to the page through Comlink.
import { expose } from 'comlink';
import { api } from './api.ts';

expose(api);
