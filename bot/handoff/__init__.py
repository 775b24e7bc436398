"""Officer handoff: the queue, office hours, officer accounts and the console."""
