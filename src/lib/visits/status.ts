import { m } from '$lib/i18n';
import type { LocalVisit } from '$lib/local/db';

/** visitStatusText is the one-word state of a visit for lists. */
export function visitStatusText(visit: LocalVisit): string {
	switch (visit.state) {
		case 'outbox':
			return m.visit_status_outbox();
		case 'no_capacity':
			return m.visit_status_no_capacity();
		case 'refused':
			return m.visit_status_refused();
	}
	switch (visit.status) {
		case 'cancelled':
			return m.visit_status_cancelled();
		case 'attended':
			return m.visit_status_attended();
		case 'no_show':
			return m.visit_status_no_show();
		default:
			return m.visit_status_booked();
	}
}
