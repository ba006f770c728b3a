import { applySettings, settingsFromRows } from '$lib/catalog/settings';

/**
 * The office's catalog settings on the phone (src/lib/catalog/settings.ts): refreshed from the
 * server's public catalog_settings list when online and kept in localStorage, so that the app asks
 * for the same documents as the server, offline too. Until the first refresh: the defaults.
 */

const STORAGE_KEY = 'dukcapil-daring.catalog-settings';

/** applyCachedCatalogSettings puts the settings last seen online in force. */
export function applyCachedCatalogSettings(storage: Pick<Storage, 'getItem'> = localStorage): void {
	try {
		applySettings(JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}'));
	} catch {
		applySettings({});
	}
}

/** refreshCatalogSettings reads the office's settings, puts them in force and keeps them; offline it keeps the old ones. */
export async function refreshCatalogSettings(storage: Pick<Storage, 'setItem'> = localStorage): Promise<boolean> {
	try {
		// the API client is loaded here, not with the first screen
		const { pb } = await import('$lib/pb/client');
		const rows = await pb.collection('catalog_settings').getFullList<{ name: string; value: string }>({ fields: 'name,value', batch: 100 });
		const settings = applySettings(settingsFromRows(rows));
		storage.setItem(STORAGE_KEY, JSON.stringify(settings));
		return true;
	} catch {
		return false;
	}
}
