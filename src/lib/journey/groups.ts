import { m } from '$lib/i18n';
import type { LocalApplication } from '$lib/local/db';

/** A resident's applications on this phone, as the list page shows them. */
export interface ApplicationGroups {
	/** Refused by the server: the resident has to act. */
	setAside: LocalApplication[];
	/** Waiting to be sent. */
	outbox: LocalApplication[];
	/** Received by the office. */
	received: LocalApplication[];
	drafts: LocalApplication[];
}

/** groupApplications splits a list (order kept) into the list page's groups. */
export function groupApplications(applications: readonly LocalApplication[]): ApplicationGroups {
	const groups: ApplicationGroups = { setAside: [], outbox: [], received: [], drafts: [] };
	for (const application of applications) {
		if (application.state === 'draft') groups.drafts.push(application);
		else if (application.state === 'sent') groups.received.push(application);
		else if (application.setAside) groups.setAside.push(application);
		else groups.outbox.push(application);
	}
	return groups;
}

/** waitingText says why an application in the outbox is still waiting, from its last failure's reason. */
export function waitingText(lastError: string | undefined): string {
	if (lastError === 'busy' || lastError === 'rate_limited') return m.sync_reason_busy();
	if (lastError === 'storage_full') return m.storage_full();
	if (lastError === 'storage_failed') return m.storage_failed();
	return m.sync_reason_offline();
}
