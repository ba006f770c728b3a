/** The browser's storage for this app: persistence, and how much it uses. */

/** requestPersistence asks the browser not to evict the app's data under storage pressure. */
export async function requestPersistence(): Promise<boolean> {
	if (typeof navigator === 'undefined' || !navigator.storage?.persist) return false;
	if (await navigator.storage.persisted()) return true;
	return navigator.storage.persist();
}

export interface StorageUse {
	usage: number;
	quota: number;
	persisted: boolean;
}

/** storageUse tells how much space the app's data takes and how much the browser allows. */
export async function storageUse(): Promise<StorageUse | null> {
	if (typeof navigator === 'undefined' || !navigator.storage?.estimate) return null;
	const [estimate, persisted] = await Promise.all([navigator.storage.estimate(), navigator.storage.persisted()]);
	return { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, persisted };
}
