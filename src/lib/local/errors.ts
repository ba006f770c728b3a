/** Why a local write failed, as a reason the UI can explain. */
export type StorageFailure = 'storage_full' | 'storage_failed';

/**
 * storageFailure classifies a failed local write (a StorageError or IndexedDB's own error): a full
 * disk is told apart from anything else. Every catch of a local write goes through it.
 */
export function storageFailure(error: unknown): StorageFailure {
	if (error instanceof StorageError) return error.reason;
	let current: unknown = error;
	for (let depth = 0; current && depth < 4; depth++) {
		const name = (current as { name?: string }).name;
		if (name === 'QuotaExceededError' || name === 'QuotaExceeded') return 'storage_full';
		current = (current as { inner?: unknown }).inner;
	}
	return 'storage_failed';
}

/** StorageError is thrown by the local repositories with a reason the UI can show. */
export class StorageError extends Error {
	constructor(
		readonly reason: StorageFailure,
		readonly cause: unknown
	) {
		super(`local storage: ${reason}`);
		this.name = 'StorageError';
	}
}

/** guardStorage runs a write and turns its failure into a StorageError. */
export async function guardStorage<T>(write: () => Promise<T>): Promise<T> {
	try {
		return await write();
	} catch (error) {
		throw new StorageError(storageFailure(error), error);
	}
}
