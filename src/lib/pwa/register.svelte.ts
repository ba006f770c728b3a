import type { Workbox } from 'workbox-window';

/**
 * The service worker as the UI sees it: registered by workbox-window (SvelteKit's own registration
 * is off), with an "update available" state when a new version is waiting.
 */
class ServiceWorkerState {
	updateAvailable = $state(false);
	registered = $state(false);
	private workbox: Workbox | null = null;
	private loading: Promise<void> | null = null;

	register(): void {
		if (this.workbox || this.loading || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
		// workbox-window is loaded here, after the first screen (see the layout), not by it
		this.loading = import('workbox-window').then(({ Workbox }) => {
			// A module worker: it imports the app's own chunks (the sync engine) instead of a copy.
			// updateViaCache 'all' lets the browser take those hashed, immutable files from its cache
			// (the page has just loaded them) instead of downloading them again for the worker; the
			// worker's own script is still revalidated every time (served with no-cache).
			const url = import.meta.env.DEV ? '/dev-sw.js?dev-sw' : '/service-worker.js';
			const workbox = new Workbox(url, { type: 'module', scope: '/', updateViaCache: 'all' });
			workbox.addEventListener('waiting', () => (this.updateAvailable = true));
			// Once the new worker controls the page, load the new app so page and worker match.
			workbox.addEventListener('controlling', (event) => {
				if (event.isUpdate) window.location.reload();
			});
			this.workbox = workbox;
			return workbox
				.register()
				.then(() => {
					this.registered = true;
				})
				.catch((error: unknown) => console.error('service worker registration failed', error));
		});
	}

	/** applyUpdate asks the waiting worker to take over; the page reloads when it does. */
	applyUpdate(): void {
		this.workbox?.messageSkipWaiting();
	}
}

export const serviceWorker = new ServiceWorkerState();
