import { serviceByCode, type InPersonService } from '$lib/catalog';
import { visitPlaceAddress } from '$lib/catalog/settings';
import { isVisitService, OFFICE_NAME } from './services';

/** visitService returns the catalog entry of an in-person service that is booked, or undefined. */
export function visitService(code: string): InPersonService | undefined {
	const service = serviceByCode(code);
	return service?.mode === 'in_person' && isVisitService(code) ? service : undefined;
}

/** visitPlace is where visits take place: the office's name and the address in force (the office's setting visit_place_address). */
export function visitPlace(): { name: string; address: string } {
	return { name: OFFICE_NAME, address: visitPlaceAddress() };
}
