import { describe, expect, it } from 'vitest';
import type { LocalApplication } from '$lib/local/db';
import { groupApplications } from './groups';

function application(id: string, state: LocalApplication['state'], setAside = false): LocalApplication {
	return {
		id,
		service: 'kk-hilang',
		state,
		answers: {},
		step: 's1',
		owner: 'u1',
		created: 0,
		updated: 0,
		...(setAside ? { setAside: { reason: 'refused', at: 0, details: {} } } : {})
	};
}

describe('groupApplications', () => {
	it('puts each application in one group, keeping the order', () => {
		const list = [application('a', 'draft'), application('b', 'outbox'), application('c', 'outbox', true), application('d', 'sent'), application('e', 'draft')];
		const groups = groupApplications(list);
		expect(groups.drafts.map((a) => a.id)).toEqual(['a', 'e']);
		expect(groups.outbox.map((a) => a.id)).toEqual(['b']);
		expect(groups.setAside.map((a) => a.id)).toEqual(['c']);
		expect(groups.received.map((a) => a.id)).toEqual(['d']);
	});
});
