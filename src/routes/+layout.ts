// A static single-page app: nothing renders on a server; every route is prerendered as a shell.
export const ssr = false;
export const prerender = true;
