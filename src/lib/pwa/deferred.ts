/**
 * afterFirstPaint runs work once the first screen has been painted: after the next frame, then a
 * task (a frame callback runs before paint, the task after it). Work that the first screen does not
 * show (the sync engine, the local database, the service worker's precache) waits here, so it
 * neither delays the first screen nor competes with it for a slow line.
 */
export function afterFirstPaint(work: () => void): void {
	if (typeof requestAnimationFrame !== 'function') {
		setTimeout(work, 0);
		return;
	}
	requestAnimationFrame(() => setTimeout(work, 0));
}
