import type { RecordModel } from 'pocketbase';
import type { SyncContext } from './context';
import { toStatusEvent } from './mirror';
import { applyRemoteApplication, storeNotification } from './pull';
import { storeRemoteVisit } from '$lib/visits/sync';

/** The realtime topic of one resident's own changes (pocketbase/internal/live). */
export function residentTopic(owner: string): string {
	return `dukcapil/resident/${owner}`;
}

/** A message on the resident's topic: one change of one of their records. */
export interface LiveMessage {
	collection: string;
	action: 'create' | 'update' | 'delete';
	record: RecordModel;
}

/**
 * applyLiveMessage keeps a change the server sent on the resident's topic, as the pull would:
 * the server sends each resident only their own changes, staff's and the morning intake's alike.
 */
export async function applyLiveMessage(ctx: SyncContext, message: LiveMessage): Promise<void> {
	if (message.action === 'delete' || !message.record?.id) return;
	switch (message.collection) {
		case 'applications':
			return applyRemoteApplication(ctx, message.record);
		case 'application_events':
			await ctx.db.events.put(toStatusEvent(message.record));
			return;
		case 'notifications':
			return storeNotification(ctx, message.record);
		case 'appointments':
			return storeRemoteVisit(ctx, message.record);
	}
}
