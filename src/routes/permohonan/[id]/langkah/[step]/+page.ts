import { error } from '@sveltejs/kit';
import { loadApplication } from '$lib/journey/journey';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, url }) => {
	const { application, service } = await loadApplication(params.id);
	const index = service.steps.findIndex((step) => step.id === params.step);
	if (index < 0) error(404, 'draft_not_found');
	return { application, service, step: service.steps[index], index, returnTo: url.searchParams.get('kembali') };
};
