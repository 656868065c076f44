// A single-page app: everything renders in the browser, the server only sends index.html.
export const ssr = false;
export const prerender = false;
