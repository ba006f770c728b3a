import type { Deadline, Localized } from './types';

/**
 * The office's catalog settings: the points of shared/DOMAIN.md that the office still has to
 * confirm, as values it can change without a new version of the app. Each has a default here (the
 * reading the catalog was written for); staff change a value in the dashboard (collection
 * `catalog_settings`), the server applies it at once, and the app takes it over the next time it
 * is online (README "For the office to confirm"). Conditions name a setting with
 * `{ setting: name, in: [...] }` and a day count with `atLeastDays: name`.
 */

export interface ChoiceSetting {
	name: string;
	type: 'choice';
	label: Localized;
	options: { value: string; label: Localized }[];
	default: string;
}

export interface NumberSetting {
	name: string;
	type: 'number';
	label: Localized;
	min: number;
	max: number;
	default: number;
}

/** A line of text (an address): trimmed, 1 to maxLength characters, no control characters. */
export interface TextSetting {
	name: string;
	type: 'text';
	label: Localized;
	maxLength: number;
	default: string;
}

export type CatalogSetting = ChoiceSetting | NumberSetting | TextSetting;

export type SettingValues = Record<string, string | number>;

export const SETTINGS: readonly CatalogSetting[] = [
	{
		name: 'birth_witnesses',
		type: 'choice',
		label: { id: 'Saksi kelahiran', en: 'Witnesses of a birth' },
		options: [
			{ value: 'without_birth_letter', label: { id: 'Hanya jika tidak ada surat keterangan lahir', en: 'Only without a birth letter' } },
			{ value: 'always', label: { id: 'Untuk setiap kelahiran', en: 'For every birth' } }
		],
		default: 'without_birth_letter'
	},
	{
		name: 'home_death_letter',
		type: 'choice',
		label: { id: 'Surat untuk kematian di rumah', en: 'The letter for a death at home' },
		options: [
			{ value: 'visum', label: { id: 'Visum dari puskesmas', en: "The health centre's visum" } },
			{ value: 'visum_or_kelurahan', label: { id: 'Visum puskesmas atau surat kematian dari kelurahan', en: "The health centre's visum or the kelurahan's death letter" } }
		],
		default: 'visum'
	},
	{
		name: 'death_long_ago_days',
		type: 'number',
		label: { id: 'Kematian lama: hari sejak meninggal', en: 'A death long ago: days since the death' },
		min: 31,
		max: 36500,
		default: 365
	},
	{
		name: 'skpwni_valid_days',
		type: 'number',
		label: { id: 'Masa berlaku SKPWNI (hari)', en: 'Days an SKPWNI stays valid' },
		min: 1,
		max: 3650,
		default: 30
	},
	{
		// the street as a local news report gives it (cnbtv.co.id: "Jl MT Haryono, Kelurahan Damai Baru,
		// Balikpapan Selatan"): shown on visit tickets and in their calendar entry
		name: 'visit_place_address',
		type: 'text',
		label: { id: 'Alamat kantor untuk kunjungan', en: 'Office address for visits' },
		maxLength: 200,
		default: 'Jl. MT Haryono, Damai Baru, Balikpapan Selatan, Kota Balikpapan'
	}
];

/** fitsText: a text setting's value is trimmed, 1 to maxLength characters (code points), without control characters. */
function fitsText(setting: TextSetting, value: string): boolean {
	const chars = [...value];
	const control = chars.some((char) => char.codePointAt(0)! < 0x20 || char === '\x7f');
	return value === value.trim() && chars.length >= 1 && chars.length <= setting.maxLength && !control;
}

/** settingDefaults returns the default value of every setting. */
export function settingDefaults(): SettingValues {
	return Object.fromEntries(SETTINGS.map((setting) => [setting.name, setting.default]));
}

/**
 * checkedSettings keeps, of some values (from the server or a cache), those that name a setting
 * and fit it (an option of a choice, a whole number within bounds, a text that fitsText); the rest
 * keep their default.
 */
export function checkedSettings(values: unknown): SettingValues {
	const out = settingDefaults();
	if (!values || typeof values !== 'object') return out;
	for (const setting of SETTINGS) {
		const value = (values as Record<string, unknown>)[setting.name];
		if (setting.type === 'choice' && typeof value === 'string' && setting.options.some((option) => option.value === value)) out[setting.name] = value;
		if (setting.type === 'number' && typeof value === 'number' && Number.isInteger(value) && value >= setting.min && value <= setting.max) out[setting.name] = value;
		if (setting.type === 'text' && typeof value === 'string' && fitsText(setting, value)) out[setting.name] = value;
	}
	return out;
}

/**
 * settingValue reads a setting's value as staff type it in the dashboard (a row of
 * `catalog_settings`): a choice or a text as it is, a number from its decimal digits; undefined for an
 * unknown setting or a value that does not fit it. The server reads it the same
 * (catalog.SettingValue; the shared vectors hold cases).
 */
export function settingValue(name: string, text: string): string | number | undefined {
	const setting = SETTINGS.find((candidate) => candidate.name === name);
	if (!setting) return undefined;
	const value = setting.type === 'number' ? (/^[0-9]{1,9}$/.test(text) ? Number(text) : undefined) : text;
	if (value === undefined) return undefined;
	return checkedSettings({ [name]: value })[name] === value ? value : undefined;
}

/** settingsFromRows reads the rows of `catalog_settings`; rows that do not fit are left out. */
export function settingsFromRows(rows: readonly { name: string; value: string }[]): Partial<SettingValues> {
	const out: Partial<SettingValues> = {};
	for (const row of rows) {
		const value = settingValue(row.name, row.value);
		if (value !== undefined) out[row.name] = value;
	}
	return out;
}

let current: SettingValues = settingDefaults();

/** currentSettings returns the settings in force (the defaults until the office's arrive). */
export function currentSettings(): SettingValues {
	return current;
}

/** visitPlaceAddress is the office's address shown on visit tickets (setting visit_place_address). */
export function visitPlaceAddress(): string {
	return String(current.visit_place_address);
}

/** deadlineDays is a deadline's number of days, from the office's setting when it names one. */
export function deadlineDays(deadline: Deadline): number {
	const value = deadline.daysSetting ? current[deadline.daysSetting] : undefined;
	return typeof value === 'number' ? value : deadline.days;
}

/** applySettings puts the office's values in force (checked; unknown or unfit ones are ignored). */
export function applySettings(values: unknown): SettingValues {
	current = checkedSettings(values);
	return current;
}
