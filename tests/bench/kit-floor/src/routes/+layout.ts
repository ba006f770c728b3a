// A pure single-page app, as the app's root layout (src/routes/+layout.ts).
export const ssr = false;
export const prerender = false;
export const trailingSlash = 'never';
