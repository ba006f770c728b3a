/** The browser's install prompt, and what the device tells about being installed. */

interface BeforeInstallPromptEvent extends Event {
	prompt(): Promise<void>;
	userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** isIos tells iPhones and iPads (including iPadOS, which reports itself as a Mac with touch). */
export function isIos(userAgent: string, maxTouchPoints: number): boolean {
	return /iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1);
}

class InstallState {
	/** Set when Chromium offers installation (the app meets its installability criteria). */
	canPrompt = $state(false);
	standalone = $state(false);
	ios = $state(false);
	private deferred: BeforeInstallPromptEvent | null = null;

	constructor() {
		if (typeof window === 'undefined') return;
		this.ios = isIos(navigator.userAgent, navigator.maxTouchPoints);
		const nav = navigator as Navigator & { standalone?: boolean };
		this.standalone = window.matchMedia('(display-mode: standalone)').matches || nav.standalone === true;
		window.addEventListener('beforeinstallprompt', (event) => {
			event.preventDefault();
			this.deferred = event as BeforeInstallPromptEvent;
			this.canPrompt = true;
		});
		window.addEventListener('appinstalled', () => {
			this.canPrompt = false;
			this.standalone = true;
		});
	}

	async prompt(): Promise<void> {
		if (!this.deferred) return;
		await this.deferred.prompt();
		await this.deferred.userChoice;
		this.deferred = null;
		this.canPrompt = false;
	}
}

export const install = new InstallState();
