import { aktaKelahiran } from './services/akta-kelahiran';
import { aktaKematian } from './services/akta-kematian';
import { aktaPerceraian } from './services/akta-perceraian';
import { aktaPerkawinan } from './services/akta-perkawinan';
import { ktpAmbil, ktpRekam, pengaduan } from './services/in-person';
import { kkBaru } from './services/kk-baru';
import { kkHilang } from './services/kk-hilang';
import { kkPerubahan } from './services/kk-perubahan';
import { ktpGanti } from './services/ktp-ganti';
import { pindahDatang } from './services/pindah-datang';
import { pindahKeluar } from './services/pindah-keluar';
import type { OnlineService, Service } from './types';

export type * from './types';

/** Every service of the office, in the order residents see them. */
export const SERVICES: readonly Service[] = [
	kkBaru,
	kkPerubahan,
	kkHilang,
	aktaKelahiran,
	aktaKematian,
	pindahKeluar,
	pindahDatang,
	aktaPerkawinan,
	aktaPerceraian,
	ktpGanti,
	ktpRekam,
	pengaduan,
	ktpAmbil
];

/** serviceByCode finds a service, or undefined for an unknown code. */
export function serviceByCode(code: string): Service | undefined {
	return SERVICES.find((service) => service.code === code);
}

/** onlineService finds a service that residents apply for in the app. */
export function onlineService(code: string): OnlineService | undefined {
	const service = serviceByCode(code);
	return service?.mode === 'online' ? service : undefined;
}
