/**
 * Where a phone set to English keeps the English file for offline use (lib/i18n/english.ts fills it;
 * the service worker brings a new version's file into it and removes the old one's).
 */
export const ENGLISH_CACHE = 'dukcapil-english';
