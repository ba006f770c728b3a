import { afterEach, describe, expect, it } from 'vitest';
import { applySettings, currentSettings, settingDefaults, settingsFromRows, settingValue } from '$lib/catalog/settings';
import { visitPlace } from '$lib/visits/catalog';
import { applyCachedCatalogSettings } from './catalog-settings';

afterEach(() => applySettings({}));

/** A Storage stand-in with one value. */
const storage = (value: string | null) => ({ getItem: () => value });

describe('the office catalog settings on the phone', () => {
	it('reads the rows as staff type them, leaving out what does not fit', () => {
		expect(
			settingsFromRows([
				{ name: 'home_death_letter', value: 'visum_or_kelurahan' },
				{ name: 'death_long_ago_days', value: '730' },
				{ name: 'skpwni_valid_days', value: '0' },
				{ name: 'birth_witnesses', value: 'ALWAYS' },
				{ name: 'fee', value: '10000' }
			])
		).toEqual({ home_death_letter: 'visum_or_kelurahan', death_long_ago_days: 730 });
		expect(settingValue('skpwni_valid_days', '30.0')).toBeUndefined();
	});

	it('applies the settings last seen online, and the defaults without any or with a broken cache', () => {
		applyCachedCatalogSettings(storage(JSON.stringify({ birth_witnesses: 'always', death_long_ago_days: 'x' })));
		expect(currentSettings()).toEqual({ ...settingDefaults(), birth_witnesses: 'always' });
		applyCachedCatalogSettings(storage('{not json'));
		expect(currentSettings()).toEqual(settingDefaults());
		applyCachedCatalogSettings(storage(null));
		expect(currentSettings()).toEqual(settingDefaults());
	});

	it('shows on visit tickets the address the office confirmed, and the default until then or for a value that does not fit', () => {
		const office = 'Kantor Disdukcapil Kota Balikpapan';
		expect(visitPlace()).toEqual({ name: office, address: 'Jl. MT Haryono, Damai Baru, Balikpapan Selatan, Kota Balikpapan' });
		applySettings(settingsFromRows([{ name: 'visit_place_address', value: 'Jl. Jend. Sudirman No. 1, Klandasan Ilir' }]));
		expect(visitPlace()).toEqual({ name: office, address: 'Jl. Jend. Sudirman No. 1, Klandasan Ilir' });
		for (const value of [' Jl. A', 'Jl. A\nNo. 1', '', 'a'.repeat(201)]) expect(settingValue('visit_place_address', value), JSON.stringify(value)).toBeUndefined();
		applySettings(settingsFromRows([{ name: 'visit_place_address', value: 'Jl. A\nNo. 1' }]));
		expect(visitPlace().address).toBe(settingDefaults().visit_place_address);
		expect(settingValue('visit_place_address', 'a'.repeat(200))).toBe('a'.repeat(200));
	});
});
