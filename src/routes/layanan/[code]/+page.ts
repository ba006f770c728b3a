import { error } from '@sveltejs/kit';
import { serviceByCode } from '$lib/catalog';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ params, url }) => {
	const service = serviceByCode(params.code);
	if (!service) error(404, 'service_not_found');
	// a visit linked to an application (a card to collect)
	return { service, application: url.searchParams.get('permohonan') ?? undefined };
};
