// Comlink's Node adapter has its types beside it under another name (no exports map to point at them).
declare module 'comlink/dist/esm/node-adapter.mjs' {
  export { default } from 'comlink/dist/esm/node-adapter';
}
