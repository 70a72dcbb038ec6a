/** electron-vite's `?asset` imports: the path of a file in resources/, as a string. */
declare module '*?asset' {
  const path: string;
  export default path;
}
