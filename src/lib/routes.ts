import { resolve } from '$app/paths';

/**
 * Route builders: every link in the app comes from here, never from a string literal in a page.
 * They resolve against the app's base path, which is why eslint's no-navigation-without-resolve
 * rule is off for pages.
 */
export const routes = {
	home: () => resolve('/'),
	services: () => resolve('/layanan'),
	service: (code: string) => resolve('/layanan/[code]', { code }),
	applications: () => resolve('/permohonan'),
	application: (id: string) => resolve('/permohonan/[id]', { id }),
	applicationStep: (id: string, step: string) => resolve('/permohonan/[id]/langkah/[step]', { id, step }),
	applicationDocuments: (id: string) => resolve('/permohonan/[id]/dokumen', { id }),
	applicationCheck: (id: string) => resolve('/permohonan/[id]/periksa', { id }),
	notifications: () => resolve('/notifikasi'),
	visits: () => resolve('/kunjungan'),
	visit: (id: string) => resolve('/kunjungan/[id]', { id }),
	/**
	 * bookVisit opens the booking of an in-person service (ktp-rekam, pengaduan, ktp-ambil), linked to
	 * an application when given: e.g. routes.bookVisit('pengaduan') where a NIK is already registered.
	 */
	bookVisit: (service: string, application?: string) =>
		resolve('/layanan/[code]', { code: service }) + (application ? `?permohonan=${encodeURIComponent(application)}` : '') + '#pesan',
	account: () => resolve('/akun'),
	signIn: (next?: string) => resolve('/akun/masuk') + (next ? `?next=${encodeURIComponent(next)}` : ''),
	register: () => resolve('/akun/daftar'),
	install: () => resolve('/pasang')
} as const;

/** safeNext returns a same-origin path to go to after signing in, or the home page. */
export function safeNext(next: string | null | undefined): string {
	if (!next || !next.startsWith('/') || next.startsWith('//')) return routes.home();
	return next;
}
