import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Notification } from '../../domain/notifications.js';
import { api } from '../api/client';

export interface NotificationList {
  items: Notification[];
  unread: number;
}

export const notificationsKey = ['notifications'] as const;

export function useNotifications() {
  return useQuery({
    queryKey: notificationsKey,
    queryFn: () => api.get<NotificationList>('/api/notifications'),
    // No polling: every request keeps the session alive, and an unattended screen must time out.
    staleTime: 60_000,
  });
}

export function useUnreadCount(): number {
  return useNotifications().data?.unread ?? 0;
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notificationId: string) => api.post<void>(`/api/notifications/${notificationId}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}
