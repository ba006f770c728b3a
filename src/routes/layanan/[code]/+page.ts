import { error } from '@sveltejs/kit';
import { serviceByCode } from '$lib/catalog';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ params }) => {
	const service = serviceByCode(params.code);
	if (!service) error(404, 'service_not_found');
	return { service };
};
