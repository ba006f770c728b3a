// A pure single-page app: PocketBase serves index.html for every client route.
export const ssr = false;
export const prerender = false;
export const trailingSlash = 'never';
