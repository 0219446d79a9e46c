// The platforms and their limits, free of any counting library: the SPA imports this through the contract.
export const platforms = ['mastodon', 'bluesky', 'linkedin', 'facebook', 'instagram', 'x'] as const;
export type Platform = (typeof platforms)[number];

export const platformLimits: Record<Platform, number> = {
  x: 280, bluesky: 300, mastodon: 500, linkedin: 3000, instagram: 2200, facebook: 63_206,
};
