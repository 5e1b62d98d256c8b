"""Data for the sample portals: portals.toml and one TOML file per story (see ../stories.py)."""
