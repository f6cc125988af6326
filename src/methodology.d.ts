// docs/methodology*.md compiled at build time (scripts/methodology-compile.ts, the vite plugin).
declare module '*.md?methodology' {
  const doc: { html: string; sections: { id: string; text: string }[] };
  export default doc;
}
