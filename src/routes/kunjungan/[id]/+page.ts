import { error } from '@sveltejs/kit';
import { getApplication } from '$lib/local/applications';
import { getVisit } from '$lib/local/visits';
import { currentUser } from '$lib/pb/client';
import { visitService } from '$lib/visits/catalog';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params }) => {
	const owner = currentUser()?.id ?? '';
	const visit = await getVisit(params.id);
	// another resident's visit on a shared phone is "not found" too
	if (!visit || !owner || visit.owner !== owner) error(404, 'visit_not_found');
	const service = visitService(visit.service);
	if (!service) error(404, 'service_not_found');
	// the application a card collection belongs to, by its receipt number
	const reference = visit.application ? ((await getApplication(visit.application, owner))?.remote?.reference ?? '') : '';
	return { visit, service, reference };
};
