import { loadApplication } from '$lib/journey/journey';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ params }) => loadApplication(params.id);
