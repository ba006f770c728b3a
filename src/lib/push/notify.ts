/** What a push carries (built by pocketbase/internal/push), and how the service worker shows it. */
export interface PushPayload {
	id?: string;
	kind?: string;
	title?: string;
	body?: string;
	application?: string;
	reference?: string;
	url?: string;
	tag?: string;
}

/** parsePayload reads a push message's JSON; anything unreadable becomes an empty payload. */
export function parsePayload(text: string | null | undefined): PushPayload {
	if (!text) return {};
	try {
		const value = JSON.parse(text);
		return value && typeof value === 'object' ? (value as PushPayload) : {};
	} catch {
		return {};
	}
}

/**
 * notificationTarget is the page a tap on the notification opens: the application's page, else the
 * inbox. Only paths of this app are followed, never another origin.
 */
export function notificationTarget(payload: PushPayload): string {
	if (payload.url && payload.url.startsWith('/') && !payload.url.startsWith('//')) return payload.url;
	if (payload.application && /^[a-z0-9]{15}$/.test(payload.application)) return `/permohonan/${payload.application}`;
	return '/notifikasi';
}

/** notificationOptions turns a payload into the title and options of showNotification. */
export function notificationOptions(payload: PushPayload): { title: string; options: NotificationOptions } {
	const title = payload.title || 'Dukcapil Daring';
	const body = [payload.body, payload.reference].filter(Boolean).join('\n');
	return {
		title,
		options: {
			body,
			// One notification per application: a newer status replaces the older one.
			tag: payload.tag || (payload.application ? `app-${payload.application}` : 'dukcapil'),
			icon: '/pwa-192x192.png',
			badge: '/pwa-64x64.png',
			lang: 'id',
			data: { url: notificationTarget(payload), id: payload.id }
		}
	};
}
