/** Record shapes of the PocketBase collections the app uses (see pocketbase/migrations). */

export interface BaseRecord {
	id: string;
	collectionId: string;
	collectionName: string;
	created: string;
	updated: string;
}

export type Locale = 'id' | 'en';

export interface UserRecord extends BaseRecord {
	email: string;
	verified: boolean;
	name: string;
	nik: string;
	phone: string;
	locale: Locale | '';
}
