// The import formats, in a file of their own so the web app can list them without the parsers.
export const formatNames = ['linkedin', 'linkedin-messages', 'google', 'vcard', 'x', 'facebook', 'instagram', 'mastodon', 'bluesky', 'csv'] as const;
export type FormatName = (typeof formatNames)[number];

export function isFormatName(value: string): value is FormatName {
  return (formatNames as readonly string[]).includes(value);
}
