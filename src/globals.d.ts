// Build-time flags set by esbuild `define` (build/build.mjs).
declare const __FIREFOX__: boolean;
/** Test seams are compiled in only when CROSSCHECK_TEST=1 at build time. */
declare const __TEST__: boolean;
declare const __VERSION__: string;
/** Style sheets imported as text (esbuild `loader: { '.css': 'text' }`). */
declare module '*.css' {
  const text: string;
  export default text;
}
