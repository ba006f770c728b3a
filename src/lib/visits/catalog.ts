import { serviceByCode, type InPersonService } from '$lib/catalog';
import { isVisitService } from './services';

/** visitService returns the catalog entry of an in-person service that is booked, or undefined. */
export function visitService(code: string): InPersonService | undefined {
	const service = serviceByCode(code);
	return service?.mode === 'in_person' && isVisitService(code) ? service : undefined;
}
