"""Where the data lives, for the interface and the command line (re-exported from the db layer)."""

from hubdesk.db.location import DATABASE_FILE, default_data_dir, demo_data_dir, resolve_data_dir

__all__ = ["DATABASE_FILE", "default_data_dir", "demo_data_dir", "resolve_data_dir"]
