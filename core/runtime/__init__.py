"""The process around the domain: folders, start-up order, logging, user settings, shipped resources."""
