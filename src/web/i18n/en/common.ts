export const common = {
  loading: 'Loading…',
  cancel: 'Cancel',
  close: 'Close',
  unreachable: 'Rapport could not be reached. Check your connection and try again.',
  pager: {
    page: 'Page {{number}}',
    first: 'First page',
    previous: 'Previous page',
    next: 'Next page',
    last: 'Last page',
  },
  roles: {
    practitioner: 'Practitioner',
    supervisor: 'Supervisor',
    manager: 'Manager',
    administrator: 'Administrator',
  },
};
