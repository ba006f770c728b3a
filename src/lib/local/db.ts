import Dexie, { type EntityTable } from 'dexie';
import type { Answers } from '$lib/catalog';

/**
 * Where an application is on this phone:
 * - draft: being filled in;
 * - outbox: finished and waiting to be sent (the sync engine picks it up when online).
 */
export type LocalState = 'draft' | 'outbox';

/** An application as kept on the phone. Nothing is deleted before the server has confirmed it. */
export interface LocalApplication {
	/** Made on the phone in PocketBase's id form; the server record gets the same id. */
	id: string;
	service: string;
	state: LocalState;
	answers: Answers;
	/** The step the resident was on, to resume there. */
	step: string;
	/** The resident (users id) who owns it: a shared phone keeps each resident's drafts apart. */
	owner: string;
	created: number;
	updated: number;
	/** When "send" was pressed. */
	queuedAt?: number;
	/** The working morning it will be processed, as computed when sent (YYYY-MM-DD, WITA). */
	processDate?: string;
	/** The instant of that morning's intake (ms since the epoch). */
	intakeAt?: number;
}

/** A calendar exception of the office (office_days on the server), kept for offline use. */
export interface LocalOfficeDay {
	date: string;
	kind: 'holiday' | 'cuti_bersama' | 'extra_working_day';
	name: string;
}

/** A document file attached to an application, as prepared by lib/media. */
export interface LocalDocument {
	id: string;
	applicationId: string;
	/** The catalog requirement code (documents.kind on the server). */
	kind: string;
	blob: Blob;
	type: string;
	size: number;
	sha256: string;
	thumbnail: Blob | null;
	width?: number;
	height?: number;
	/** Quality warnings the resident chose to keep (too_dark, too_blurry). */
	warnings: string[];
	/** The original file name, for the resident's own reference. */
	name: string;
	created: number;
}

/** The app's IndexedDB database. Bump the version and add a new stores() call for every change. */
export class LocalDatabase extends Dexie {
	applications!: EntityTable<LocalApplication, 'id'>;
	documents!: EntityTable<LocalDocument, 'id'>;
	officeDays!: EntityTable<LocalOfficeDay, 'date'>;

	constructor(name = 'dukcapil-daring') {
		super(name);
		this.version(1).stores({
			applications: 'id, state, owner, updated, [owner+state]',
			documents: 'id, applicationId, [applicationId+kind]',
			officeDays: 'date'
		});
	}
}

export const db = new LocalDatabase();
