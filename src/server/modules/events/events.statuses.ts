// A registration's states, shared by the table and the contract (which the web app loads without drizzle).
export const registrationStatuses = ['confirmed', 'waitlisted', 'cancelled', 'attended', 'no_show'] as const;
