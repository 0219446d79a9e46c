import { NavLink } from '@mantine/core';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import {
  IconAudience, IconBroadcast, IconEvents, IconFocus, IconInsights, IconPeople, IconPlanner, IconSettings, IconToday,
} from '../../../lib/icons.tsx';

type Item = { to: string; key: 'today' | 'people' | 'planner' | 'events' | 'audience' | 'broadcasts' | 'focus' | 'insights' | 'settings'; Icon: ComponentType };

export const mainItems: Item[] = [
  { to: '/today', key: 'today', Icon: IconToday },
  { to: '/people', key: 'people', Icon: IconPeople },
  { to: '/planner', key: 'planner', Icon: IconPlanner },
  { to: '/events', key: 'events', Icon: IconEvents },
  { to: '/audience', key: 'audience', Icon: IconAudience },
  { to: '/broadcasts', key: 'broadcasts', Icon: IconBroadcast },
  { to: '/focus', key: 'focus', Icon: IconFocus },
  { to: '/insights', key: 'insights', Icon: IconInsights },
];
export const settingsItem: Item = { to: '/settings', key: 'settings', Icon: IconSettings };

// React Router's NavLink marks the current page with aria-current; Mantine's NavLink styles it.
export function NavItem({ item, onNavigate }: { item: Item; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const active = pathname === item.to || pathname.startsWith(`${item.to}/`);
  return (
    <NavLink component={RouterNavLink} to={item.to} label={t(`nav.${item.key}`)} leftSection={<item.Icon />} active={active}
      onClick={onNavigate} variant="filled" />
  );
}
