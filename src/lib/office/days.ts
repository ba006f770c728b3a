import { db, type LocalOfficeDay } from '$lib/local/db';
import { pb } from '$lib/pb/client';
import { expectedProcessingMorning, nextProcessingMorning, type ApplicationTimes, type ProcessingMorning } from './calendar';

/**
 * The office calendar on the phone: refreshed from the server's public office_days list when
 * online, so the app can tell offline which morning an application will be processed.
 */

/** refreshOfficeDays replaces the local calendar with the server's; offline it keeps the old one. */
export async function refreshOfficeDays(): Promise<boolean> {
	try {
		const records = await pb.collection('office_days').getFullList<LocalOfficeDay>({ fields: 'date,kind,name', batch: 500 });
		const days = records.map(({ date, kind, name }) => ({ date, kind, name }));
		await db.transaction('rw', db.officeDays, async () => {
			await db.officeDays.clear();
			await db.officeDays.bulkPut(days);
		});
		return true;
	} catch {
		return false;
	}
}

/** processingMorningFor tells which working morning an application sent now will be processed. */
export async function processingMorningFor(sentAt: Date): Promise<ProcessingMorning> {
	return nextProcessingMorning(sentAt, await db.officeDays.toArray());
}

/** expectedMorningOf tells on which morning the office will process an application on this phone (calendar.ts). */
export async function expectedMorningOf(application: ApplicationTimes): Promise<ProcessingMorning | null> {
	return expectedProcessingMorning(application, await db.officeDays.toArray(), new Date());
}
