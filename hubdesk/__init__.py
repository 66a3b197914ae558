"""hubdesk: offline-first case management for the HUB counselling centre in Tangier."""

__version__ = "0.1.0"
