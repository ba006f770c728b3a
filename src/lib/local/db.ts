import Dexie, { type EntityTable } from 'dexie';
import type { Answers } from '$lib/catalog';

/**
 * Where an application is on this phone:
 * - draft: being filled in;
 * - outbox: finished and waiting to be sent (the sync engine picks it up when online);
 * - sent: received by the office (the server confirmed the finalise); its status comes back by pull.
 */
export type LocalState = 'draft' | 'outbox' | 'sent';

/** How far the upload of an application has come: each step is confirmed by the server. */
export interface PushProgress {
	created: boolean;
	/** Ids of the documents the server holds. */
	uploaded: string[];
	/**
	 * The documents whose uploads were started and not confirmed (one id in rows of older versions):
	 * if an answer was lost, the server may hold the document already, so the next try asks before
	 * sending its bytes again.
	 */
	inflight?: string[] | string;
	/** Ids of the documents the server confirmed as superseded (replaced or removed while correcting). */
	superseded?: string[];
}

/**
 * A correction of an application the office sent back (needs_revision): what the office has, so
 * the check page can mark what changed and the engine knows when the resubmission arrived.
 */
export interface Correction {
	/** The server's revision when the correction started: the resubmission makes it revision + 1. */
	baseRevision: number;
	/** The answers as the office has them. */
	baseAnswers: Answers;
	/** Ids of the documents the office has, in page order. */
	baseDocuments: string[];
	startedAt: number;
}

/** The server's reasons for a refused (set-aside) application that the resident is fixing. */
export interface Refusal {
	details: Record<string, string>;
	/** The answers that were refused: a reason shows at its field until that answer changes. */
	answers: Answers;
	at: number;
}

/** Why an application was set aside: the server refused it for a reason retrying cannot cure. */
export interface SetAside {
	reason: string;
	/** Field or document codes from the server, for the resident to act on. */
	details: Record<string, string>;
	at: number;
}

/** The application as the office has it, mirrored from the server by the pull. */
export interface RemoteApplication {
	status: string;
	reference: string;
	submitted: string;
	updated: string;
	revision: number;
	staff_note: string;
	process_date: string;
	queue_no: number;
	/** Names of the finished PDFs on the server. */
	results: string[];
}

/** One change of status, for the timeline. */
export interface StatusEvent {
	id: string;
	applicationId: string;
	from: string;
	to: string;
	note: string;
	created: string;
}

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
	/** Upload progress, while in the outbox. */
	push?: PushProgress;
	/** Failed tries in a row, and when to try again (ms since the epoch). */
	attempts?: number;
	nextAttemptAt?: number;
	/** The last failure, for the resident ("waiting for a connection", "the server is busy"). */
	lastError?: string;
	/** Set when the server refused it for good; it then waits for the resident. */
	setAside?: SetAside;
	/** The office's copy, once sent. */
	remote?: RemoteApplication;
	/** Set while the resident corrects an application sent back by the office, until it is resubmitted. */
	correction?: Correction;
	/** Set while the resident fixes an application the server refused. */
	refusal?: Refusal;
	/** When the resident asked to withdraw it; in the outbox until the server has cancelled it. */
	withdrawRequestedAt?: number;
	/** Why its finished PDFs are not all on the phone yet (tried again at every pull). */
	resultsError?: 'storage_full' | 'download_failed';
}

/** A finished document (result PDF) kept on the phone to open offline. */
export interface LocalResult {
	/** `${applicationId}/${file name}` */
	key: string;
	applicationId: string;
	name: string;
	blob: Blob;
	downloaded: number;
}

/** A notification of the resident's inbox, mirrored from the server. */
export interface LocalNotification {
	id: string;
	owner: string;
	application: string;
	/** The visit it is about (a reminder), if any. */
	appointment?: string;
	kind: string;
	title: string;
	body: string;
	read: boolean;
	/** The title and body in every language of the app (locale → text), when the server sent them. */
	texts?: Record<string, { title: string; body: string }>;
	/** False while a "read" mark made offline has not reached the server yet. */
	readSynced: boolean;
	created: string;
}

/** Small values the sync engine keeps: the last pull time per resident. */
export interface MetaEntry {
	key: string;
	value: string;
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
	/** Order of the pages of one requirement (the oldest first); swapped to reorder them. */
	created: number;
	/**
	 * Replaced or removed after the server received it: kept until the server has marked it
	 * superseded too (the office keeps what was first sent), no longer part of the application.
	 */
	superseded?: boolean;
	/**
	 * The resumable (tus) upload of this file while it is under way: where it is on the server, so
	 * that a cut, a reload or a killed browser continues from the last byte the server confirmed.
	 */
	upload?: StoredUpload;
}

/** A tus upload in progress, as tus-js-client's URL storage keeps it (see lib/local/uploads.ts). */
export interface StoredUpload {
	fingerprint: string;
	uploadUrl: string | null;
	size: number | null;
	metadata: Record<string, string>;
	creationTime: string;
}

/**
 * Where a visit request is on this phone:
 * - outbox: asked for, waiting to be sent (offline, or the server was not reached yet);
 * - sent: the server answered; `status` says what the office has (booked, cancelled, attended, no_show);
 * - no_capacity: the server found no place within 10 working days; nothing was booked;
 * - refused: the server refused the request for another reason (`refusal` holds its codes).
 */
export type VisitState = 'outbox' | 'sent' | 'no_capacity' | 'refused';

/** A resident's visit to the office (appointments on the server), asked for on the phone. */
export interface LocalVisit {
	/** Made on the phone in PocketBase's id form; the server record gets the same id. */
	id: string;
	owner: string;
	/** An in-person service code (ktp-rekam, pengaduan, ktp-ambil). */
	service: string;
	/** The day asked for, YYYY-MM-DD (WITA). */
	preferredDate: string;
	partOfDay?: 'pagi' | 'siang';
	/** The online application this visit belongs to (a ktp-ganti card to collect). */
	application?: string;
	state: VisitState;
	requestedAt: number;
	updated: number;
	/** What the server booked. */
	status?: 'booked' | 'cancelled' | 'attended' | 'no_show';
	slot?: string;
	date?: string;
	start?: string;
	end?: string;
	code?: string;
	/** "cancel" pressed (also offline) and not yet confirmed by the server. */
	cancelRequested?: boolean;
	/** Failed tries in a row and when to try again (ms since the epoch). */
	attempts?: number;
	nextAttemptAt?: number;
	lastError?: string;
	/** The server's codes when it refused the request or the cancel. */
	refusal?: Record<string, string>;
}

/** A slot of an in-person service as last seen from the server: times and places left. */
export interface LocalSlot {
	id: string;
	service: string;
	date: string;
	start: string;
	end: string;
	capacity: number;
	booked: number;
	closed: boolean;
}

/** The app's IndexedDB database. Bump the version and add a new stores() call for every change. */
export class LocalDatabase extends Dexie {
	applications!: EntityTable<LocalApplication, 'id'>;
	documents!: EntityTable<LocalDocument, 'id'>;
	officeDays!: EntityTable<LocalOfficeDay, 'date'>;
	events!: EntityTable<StatusEvent, 'id'>;
	results!: EntityTable<LocalResult, 'key'>;
	meta!: EntityTable<MetaEntry, 'key'>;
	notifications!: EntityTable<LocalNotification, 'id'>;
	visits!: EntityTable<LocalVisit, 'id'>;
	visitSlots!: EntityTable<LocalSlot, 'id'>;

	constructor(name = 'dukcapil-daring') {
		super(name);
		this.version(1).stores({
			applications: 'id, state, owner, updated, [owner+state]',
			documents: 'id, applicationId, [applicationId+kind]',
			officeDays: 'date'
		});
		this.version(2).stores({
			applications: 'id, state, owner, updated, [owner+state]',
			events: 'id, applicationId, created',
			results: 'key, applicationId',
			meta: 'key'
		});
		this.version(3).stores({
			notifications: 'id, owner, created'
		});
		// Versions after 3 are numbered by issue (13: visits), so that branches made in parallel
		// never declare the same version with different stores.
		this.version(13).stores({
			visits: 'id, owner, [owner+state], [owner+service]',
			visitSlots: 'id, service, [service+date]'
		});
	}
}

export const db = new LocalDatabase();
