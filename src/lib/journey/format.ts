/** formatBytes writes a file size the way residents read it: "320 KB", "1,4 MB". */
export function formatBytes(bytes: number, locale: 'id' | 'en'): string {
	const format = (value: number, digits: number) =>
		new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: digits }).format(value);
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 * 1024) return `${format(bytes / 1024, 0)} KB`;
	if (bytes < 1024 * 1024 * 1024) return `${format(bytes / (1024 * 1024), 1)} MB`;
	return `${format(bytes / (1024 * 1024 * 1024), 1)} GB`;
}
