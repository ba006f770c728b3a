/** Kecamatan and kelurahan of Kota Balikpapan (region 64.71), from shared/DOMAIN.md. */
export interface Kecamatan {
	code: string;
	name: string;
	kelurahan: string[];
}

export const KECAMATAN: readonly Kecamatan[] = [
	{ code: '64.71.01', name: 'Balikpapan Timur', kelurahan: ['Manggar', 'Lamaru', 'Teritip', 'Manggar Baru'] },
	{
		code: '64.71.02',
		name: 'Balikpapan Barat',
		kelurahan: ['Baru Ilir', 'Baru Tengah', 'Baru Ulu', 'Kariangau', 'Margo Mulyo', 'Marga Sari']
	},
	{
		code: '64.71.03',
		name: 'Balikpapan Utara',
		kelurahan: ['Batu Ampar', 'Gunung Samarinda', 'Karang Joang', 'Muara Rapak', 'Gunung Samarinda Baru', 'Graha Indah']
	},
	{
		code: '64.71.04',
		name: 'Balikpapan Tengah',
		kelurahan: ['Gunung Sari Ulu', 'Gunung Sari Ilir', 'Karang Rejo', 'Karang Jati', 'Mekar Sari', 'Sumber Rejo']
	},
	{
		code: '64.71.05',
		name: 'Balikpapan Selatan',
		kelurahan: ['Sepinggan', 'Gunung Bahagia', 'Sepinggan Baru', 'Sepinggan Raya', 'Sungainangka', 'Damai Baru', 'Damai Bahagia']
	},
	{
		code: '64.71.06',
		name: 'Balikpapan Kota',
		kelurahan: ['Prapatan', 'Telaga Sari', 'Klandasan Ulu', 'Klandasan Ilir', 'Damai']
	}
];

/** kelurahanOf lists the kelurahan of a kecamatan code, or none for an unknown code. */
export function kelurahanOf(kecamatanCode: string): string[] {
	return KECAMATAN.find((k) => k.code === kecamatanCode)?.kelurahan ?? [];
}
